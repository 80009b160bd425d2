package org.imageorganizer.model;

/**
 * Where a running sync stands.
 *
 * @param total        images that needed a copy when the sync started
 * @param done         of those, how many are finished (uploaded, found there, or failed)
 * @param uploaded     sent to the cloud by this sync
 * @param alreadyThere the cloud had them already (an earlier sync, or another computer)
 * @param failed       could not be uploaded this time
 * @param current      the file name of the image last finished, or null
 */
public record SyncProgress(long total, long done, int uploaded, int alreadyThere, int failed, String current) {

    /** Finished fraction, 0..1 (1 when there was nothing to do). */
    public double fraction() {
        return total == 0 ? 1.0 : Math.min(1.0, (double) done / total);
    }
}
