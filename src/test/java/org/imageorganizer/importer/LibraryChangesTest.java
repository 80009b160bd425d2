package org.imageorganizer.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LibraryChangesTest {
    private final AtomicInteger notices = new AtomicInteger();

    @Test
    void withoutAnIntervalEveryChangeIsToldAtOnce() {
        LibraryChanges changes = new LibraryChanges(notices::incrementAndGet, Duration.ZERO);

        changes.changed();
        changes.changed();

        assertThat(notices).hasValue(2);
        changes.flush(false);
        assertThat(notices).hasValue(2);
    }

    @Test
    void withinTheIntervalChangesWaitForTheFlush() {
        LibraryChanges changes = new LibraryChanges(notices::incrementAndGet, Duration.ofHours(1));

        changes.changed();
        changes.changed();
        assertThat(notices).hasValue(0);

        changes.flush(false);
        assertThat(notices).hasValue(1);
        changes.flush(false);
        assertThat(notices).as("nothing new to tell").hasValue(1);
        changes.flush(true);
        assertThat(notices).hasValue(2);
    }

    @Test
    void onceTheIntervalHasPassedAChangeIsToldAtOnce() throws InterruptedException {
        LibraryChanges changes = new LibraryChanges(notices::incrementAndGet, Duration.ofMillis(20));

        Thread.sleep(40);
        changes.changed();

        assertThat(notices).hasValue(1);
    }
}
