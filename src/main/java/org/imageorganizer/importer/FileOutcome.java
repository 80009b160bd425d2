package org.imageorganizer.importer;

import java.nio.file.Path;
import org.imageorganizer.model.ImageRecord;

/** What became of one file of a folder import on its way through the stages. */
sealed interface FileOutcome {
    Path file();

    /** Ready for the model; {@code modified} is the file's time to record with it, or null. */
    record Prepared(Path file, PreparedImage image, Long modified) implements FileOutcome {
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
    record Embedded(Path file, ImageCommitter.Ready ready) implements FileOutcome {
    }

    /** No more files: the feed submitted {@code submitted} files to the stages, each of which has one outcome. */
    record End(int submitted) implements FileOutcome {
        @Override
        public Path file() {
            return null;
        }
    }
}
