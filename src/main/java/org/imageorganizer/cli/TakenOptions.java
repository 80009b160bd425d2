package org.imageorganizer.cli;

import org.imageorganizer.model.TakenRange;
import picocli.CommandLine.Option;

/** {@code --taken-after} / {@code --taken-before}: only photos taken in a span of dates (list, search). */
final class TakenOptions {
    @Option(names = "--taken-after", paramLabel = "DATE", description = "Only photos taken on or after DATE: 2024, "
            + "2024-06, 2024-06-01 or 2024-06-01T14:30, as the photo's clock shows it.")
    String after;

    @Option(names = "--taken-before", paramLabel = "DATE", description = "Only photos taken before DATE (same forms).")
    String before;

    /** The range asked for; a sentence for the user when a date cannot be read. */
    TakenRange range() {
        try {
            return TakenRange.parse(after, before, "--taken-after", "--taken-before");
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }
}
