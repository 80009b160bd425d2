package org.imageorganizer.services;

import java.util.function.BooleanSupplier;
import org.imageorganizer.model.SyncListener;
import org.imageorganizer.model.SyncSummary;
import org.imageorganizer.sync.SyncService;

/** {@link CloudBackup} as the sync service does it. */
public final class CloudSyncBackup implements CloudBackup {
    private final SyncService sync;

    public CloudSyncBackup(SyncService sync) {
        this.sync = sync;
    }

    @Override
    public String destination() {
        return sync.destination();
    }

    @Override
    public long pending() {
        return sync.pending();
    }

    @Override
    public SyncSummary run(SyncListener listener, BooleanSupplier cancelled) throws InterruptedException {
        return sync.run(listener, cancelled);
    }
}
