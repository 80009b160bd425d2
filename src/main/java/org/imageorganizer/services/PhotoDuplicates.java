package org.imageorganizer.services;

import java.util.List;
import org.imageorganizer.model.ImageRecord;

/**
 * Duplicates and near-duplicates, the one way every front end finds and resolves them: the same
 * content in several places, and the same picture in another form (resized, recompressed, converted,
 * rotated, lightly cropped or edited), grouped in stacks with a suggested keeper. Resolving a stack
 * keeps one photo and removes the others from the library ({@link ImageRemoval}: a user's own files
 * are never touched). Slow on large libraries: not for the FX thread.
 */
public interface PhotoDuplicates {
    /**
     * The library's stacks, largest first.
     *
     * @param exactOnly only photos whose very content is in several places
     */
    List<PhotoStack> stacks(boolean exactOnly);

    /** The ids of a photo's near-duplicates (the rest of its stack), none when it has none. */
    List<Long> nearDuplicatesOf(long imageId);

    /**
     * Keeps {@code keep} and removes {@code remove} from the library, if the stack read as {@code token}
     * is still as it was.
     *
     * @throws StackChangedException    when a photo of the stack was removed or changed since it was read
     * @throws IllegalArgumentException when the ids are not the stack's, or {@code keep} is among those to remove
     */
    Resolved resolve(String token, long keep, List<Long> remove) throws InterruptedException;

    /**
     * One stack.
     *
     * @param token  names the stack as it is now, for {@link #resolve}
     * @param keeper the suggested photo to keep (the most pixels, then the oldest file)
     * @param others the other photos, most alike first; empty for one photo found in several places
     */
    record PhotoStack(String token, StackedPhoto keeper, List<StackedPhoto> others) {
        public PhotoStack {
            others = List.copyOf(others);
        }

        /** Photos in the stack, the keeper included. */
        public int size() {
            return others.size() + 1;
        }
    }

    /**
     * A photo of a stack.
     *
     * @param places  every place its content was seen (a user's files; none for uploads)
     * @param reasons how it differs from the keeper, in a few words each ("resized", "rotated"); empty for the keeper
     * @param why     one sentence for people ("Same picture, resized and converted to PNG"); null for the keeper
     */
    record StackedPhoto(ImageRecord image, List<String> places, List<String> reasons, String why) {
        public StackedPhoto {
            places = List.copyOf(places);
            reasons = List.copyOf(reasons);
        }
    }

    /** What resolving a stack did: the photo kept, and what became of each photo removed. */
    record Resolved(long kept, List<ImageRemoval.Removed> removed) {
        public Resolved {
            removed = List.copyOf(removed);
        }
    }

    /** The stack is no longer as it was read: read it again. */
    final class StackChangedException extends org.imageorganizer.model.ExplainedException {
        private static final long serialVersionUID = 1L;

        public StackChangedException(String message) {
            super(message);
        }
    }
}
