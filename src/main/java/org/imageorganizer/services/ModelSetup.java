package org.imageorganizer.services;

import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/** Getting a CLIP model onto this computer the first time. */
public interface ModelSetup {

    /** Whether a model is in place (cheap: looks for the folder, loads nothing). */
    boolean modelAvailable();

    /**
     * How many bytes {@link #download} fetches when nothing of it is on this computer yet, or -1 when
     * unknown. Cheap: the sizes are part of the published model's description.
     */
    long downloadBytes();

    /**
     * Downloads the standard CLIP model (slow), reporting the progress of the whole download in 0..1
     * (negative when its size is unknown).
     */
    void download(DoubleConsumer progress) throws Exception;

    /** Checks and adopts a model folder the user chose; throws with a sentence when it is unusable. */
    void useFolder(Path folder);
}
