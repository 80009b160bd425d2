package org.imageorganizer.services;

import java.nio.file.Path;
import java.util.List;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.TakenRange;

/**
 * Finding photos by what is in them, the one way every front end does it: by a text ("a dog on the
 * beach"), like a photo of the library, or like a file that is not in it. Answers from the library's
 * embeddings held in memory ({@code search.EmbeddingIndex}); never reads the database row by row.
 * Blocks (the first load of the embeddings, the model for a new text): not for the FX thread.
 */
public interface PhotoSearch {
    /**
     * Photos ranked by how well they match a text, best first.
     *
     * @throws IllegalArgumentException   when the text is blank or too long (the message says which)
     * @throws SearchUnavailableException when the embeddings or the model are not ready yet, or failed
     */
    SearchPage byText(String text, SearchFilter filter, int offset, int limit);

    /**
     * Photos like one of the library's, best first, without the photo itself; its near-duplicates are
     * listed apart ({@link SearchPage#duplicates()}).
     *
     * @throws java.util.NoSuchElementException when there is no photo with this id
     */
    SearchPage similarTo(long imageId, SearchFilter filter, int offset, int limit);

    /**
     * Photos like an image file that is not in the library: it is read and embedded, not imported.
     *
     * @throws IllegalArgumentException when the file cannot be read as an image (the message says why)
     */
    SearchPage similarToFile(Path file, SearchFilter filter, int limit);

    /** Filters that every result must pass; null fields (and {@link TakenRange#ANY}) let everything through. */
    record SearchFilter(String object, String background, Integer cluster, TakenRange taken) {
        public static final SearchFilter NONE = new SearchFilter(null, null, null, TakenRange.ANY);

        public SearchFilter {
            if (cluster != null && (object == null || background == null)) {
                throw new IllegalArgumentException("a sub-cluster is named within its object and background");
            }
            taken = taken == null ? TakenRange.ANY : taken;
        }

        /** Filters on categories and cluster only. */
        public SearchFilter(String object, String background, Integer cluster) {
            this(object, background, cluster, TakenRange.ANY);
        }
    }

    /** A photo found, with how close it is (cosine similarity, -1..1; higher is closer). */
    record FoundImage(ImageRecord image, double score) {
    }

    /**
     * One page of results.
     *
     * @param images      the page, best first
     * @param offset      where the page starts
     * @param limit       the page size asked for
     * @param nextOffset  where the next page starts, null on the last
     * @param matched     how many photos passed the filters (all of them are ranked)
     * @param duplicates  for "similar": the photo's near-duplicates, shown apart; else empty
     * @param suggestions when nothing was found: the categories the library has, to try instead
     * @param approximate whether an approximate index answered (libraries over 100,000 photos)
     */
    record SearchPage(List<FoundImage> images, int offset, int limit, Integer nextOffset, long matched,
            List<FoundImage> duplicates, List<String> suggestions, boolean approximate) {
        public SearchPage {
            images = List.copyOf(images);
            duplicates = List.copyOf(duplicates);
            suggestions = List.copyOf(suggestions);
        }
    }
}
