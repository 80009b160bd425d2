package org.imageorganizer.importer;

import java.nio.file.Path;
import org.imageorganizer.imaging.DecodedImage;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ImageRecord;

/** What a decode worker made of one file. */
sealed interface FileOutcome {
    Path file();

    /** Ready for the model. */
    record Prepared(Path file, String sha256, long byteSize, DecodedImage decoded, float[] tensor) implements FileOutcome {
        /** The same without the pixels, once the model has seen them (they are recycled). */
        Prepared withoutTensor() {
            DecodedImage d = decoded;
            return new Prepared(file, sha256, byteSize, d == null ? null
                    : new DecodedImage(null, d.width(), d.height(), d.format()), null);
        }
    }

    /**
     * The content is already in the library ({@code inLibrary}; {@code relocated} when its record followed
     * the file), or an earlier file of this import has it ({@code sameAs}).
     */
    record Duplicate(Path file, ImageRecord inLibrary, boolean relocated, Path sameAs) implements FileOutcome {
        static Duplicate inLibrary(Path file, ImageRecord record, boolean relocated) {
            return new Duplicate(file, record, relocated, null);
        }

        static Duplicate sameAs(Path file, Path original) {
            return new Duplicate(file, null, false, original);
        }
    }

    record Failed(Path file, String reason) implements FileOutcome {
    }

    /** Through the model: ready to be stored. */
    record Embedded(Path file, Prepared prepared, float[] embedding, Classification classification) implements FileOutcome {
    }

    /** Marks the end of a stream (no more files for the model; no more results from one inference thread). */
    record End(Path file) implements FileOutcome {
    }
}
