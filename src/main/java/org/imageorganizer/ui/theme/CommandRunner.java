package org.imageorganizer.ui.theme;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Runs a small system command and gives what it printed; tests give canned answers. */
public interface CommandRunner {

    /**
     * Runs {@code command} and waits for it at most {@code timeout}.
     *
     * @return its standard output when it ran and exited with 0; empty when it is missing, failed or was too slow
     */
    Optional<String> run(List<String> command, Duration timeout);
}
