package org.imageorganizer.importer;

import java.nio.file.Path;
import org.imageorganizer.imaging.DecodedImage;

/** What a decode worker made of one file. */
sealed interface FileOutcome {
    Path file();

    /** Ready for the model. */
    record Prepared(Path file, String sha256, long byteSize, DecodedImage decoded, float[] tensor) implements FileOutcome {
    }

    /** The content is already in the library (or earlier in this import); {@code relocated} when its record followed the file. */
    record Duplicate(Path file, boolean relocated) implements FileOutcome {
    }

    record Failed(Path file, String reason) implements FileOutcome {
    }

    /** Marks the end of the stream of outcomes. */
    record End(Path file) implements FileOutcome {
    }
}
