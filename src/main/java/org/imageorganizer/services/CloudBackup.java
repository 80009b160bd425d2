package org.imageorganizer.services;

import java.util.function.BooleanSupplier;
import org.imageorganizer.model.SyncListener;
import org.imageorganizer.model.SyncSummary;

/** Copies the library's images that have no cloud copy yet to the cloud store (Cloudinary). */
public interface CloudBackup {

    /**
     * Whether the cloud store is configured now (settings or environment; they may change while the
     * program runs). When it is not, {@link #run} fails with a sentence saying how to configure it.
     */
    default boolean configured() {
        return true;
    }

    /** Where the copies go, for display (never a secret). */
    String destination();

    /** How many images have no cloud copy yet (a database read). */
    long pending();

    /**
     * Uploads every image without a cloud copy; blocks until done or cancelled (not for the FX thread).
     * One image's failure is reported and the rest go on.
     */
    SyncSummary run(SyncListener listener, BooleanSupplier cancelled) throws InterruptedException;
}
