package org.imageorganizer.services;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.imageorganizer.model.ImageRecord;

/**
 * "Move to Trash…", the one action that takes a user's files away, in the window only: first a
 * {@link #plan} that lists every file that would go (for the confirmation), then {@link #moveToTrash},
 * which moves those files to the system trash and removes from the library each photo none of whose
 * files is left. A photo in several places is one content in several files: all of them go, and the
 * photo leaves the library once none is left. Nothing is ever deleted permanently; a file that
 * changed since it was read, or that the trash refuses, stays where it is. Uploads (the server's
 * own copies) are not a user's files and are never moved here: Remove from Library takes them.
 * Blocking file and database work: not for the FX thread.
 */
public interface PhotoTrash {

    /** Whether this computer has a trash to move files to; when not, the action is not offered. */
    boolean available();

    /** What moving these photos to the trash would do; photos that are no longer in the library are left out. */
    Plan plan(Collection<Long> imageIds);

    /**
     * Moves the plan's files to the trash, file by file, and removes each photo none of whose files is
     * left from the library (its row and its place in the clusters; the files are in the trash).
     *
     * @throws IllegalStateException when there is no trash ({@link #available()} is false)
     */
    Outcome moveToTrash(Plan plan) throws InterruptedException;

    /**
     * @param photos   the photos with their files on this computer, every place of each
     * @param notFiles photos whose bytes are the application's own (uploads): not moved, listed to say so
     */
    record Plan(List<PhotoFiles> photos, List<ImageRecord> notFiles) {
        public Plan {
            photos = List.copyOf(photos);
            notFiles = List.copyOf(notFiles);
        }

        /** Every file that would go to the trash, photo after photo. */
        public List<Path> files() {
            return photos.stream().flatMap(p -> p.files().stream()).toList();
        }
    }

    /** A photo and every file on this computer that holds its content. */
    record PhotoFiles(ImageRecord image, List<Path> files) {
        public PhotoFiles {
            files = List.copyOf(files);
        }
    }

    /**
     * @param moved   the files now in the trash
     * @param gone    files that were no longer there (nothing to move)
     * @param left    files left where they are, each with why, in a sentence
     * @param removed photos removed from the library (none of their files is left)
     * @param kept    photos still in the library because one of their files was left
     */
    record Outcome(List<Path> moved, List<Path> gone, List<Left> left, List<ImageRecord> removed, List<ImageRecord> kept) {
        public Outcome {
            moved = List.copyOf(moved);
            gone = List.copyOf(gone);
            left = List.copyOf(left);
            removed = List.copyOf(removed);
            kept = List.copyOf(kept);
        }
    }

    /** A file left where it was, and why. */
    record Left(Path file, String reason) {
    }
}
