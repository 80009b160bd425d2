package org.imageorganizer.model;



/**
 * Hears how a sync goes. Called from the sync's worker threads: a window must hand the calls over
 * to its own thread. Every method has an empty default.
 */
public interface SyncListener {

    /** After every image (and once at the start, with nothing done). */
    default void progress(SyncProgress progress) {
    }

    /** An image that could not be uploaded; it stays local, and the next sync tries again. */
    default void failed(SyncFailure failure) {
    }

    /** The listener that ignores everything. */
    SyncListener NONE = new SyncListener() {
    };
}
