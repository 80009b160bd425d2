package org.imageorganizer.cli;

import java.time.format.DateTimeFormatter;
import org.imageorganizer.model.PhotoMetadata;

/**
 * A date taken as the command line's tables show it: {@code 2024-06-01 14:03}, with a leading {@code ~} when it is
 * only the file's time (the photo does not say), {@code -} when unknown. Seventeen characters at most.
 */
final class TakenText {
    static final int WIDTH = 17;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private TakenText() {
    }

    static String of(PhotoMetadata metadata) {
        if (metadata == null || metadata.taken() == null) {
            return "-";
        }
        String shown = SHOWN.format(metadata.taken());
        return metadata.takenFrom() == PhotoMetadata.TakenFrom.FILE_TIME ? "~" + shown : shown;
    }
}
