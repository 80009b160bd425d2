package org.imageorganizer.model;


import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a sync ended.
 *
 * @param total          images that needed a copy when it started
 * @param uploaded       sent to the cloud
 * @param alreadyThere   the cloud had them already, nothing was sent
 * @param failures       images that could not be uploaded, with the reasons; they stay local
 * @param cancelled      stopped on request; run it again to continue
 * @param stoppedBecause set when the sync stopped early by itself (the credentials were refused)
 * @param elapsed        how long it took
 */
public record SyncSummary(long total, int uploaded, int alreadyThere, List<SyncFailure> failures, boolean cancelled,
        Optional<String> stoppedBecause, Duration elapsed) {

    public SyncSummary {
        failures = List.copyOf(failures);
    }

    /** Every image that needed a copy has one now. */
    public boolean complete() {
        return failures.isEmpty() && !cancelled && stoppedBecause.isEmpty() && uploaded + alreadyThere >= total;
    }
}
