package org.imageorganizer.services;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.search.EmbeddingIndex;
import org.imageorganizer.search.IndexLoadingException;
import org.imageorganizer.search.SearchHit;
import org.imageorganizer.search.SearchQuery;
import org.imageorganizer.search.SearchResults;

/**
 * {@link PhotoSearch} on the library's {@link EmbeddingIndex}: the query's embedding (a text's, a photo's
 * or a file's) is ranked against every photo's; the page's records come from the library in one call.
 * A photo removed since the index last followed the library is left out of its page.
 */
public final class IndexedPhotoSearch implements PhotoSearch {
    /** The most category names offered when nothing was found. */
    static final int SUGGESTIONS = 20;

    /** Embeds a search text (the model's text encoder, {@code ml.QueryEncoder}). */
    @FunctionalInterface
    public interface TextEncoder {
        /**
         * @throws IllegalArgumentException   when the text is blank or too long
         * @throws SearchUnavailableException when the model is not ready
         */
        float[] encode(String text);
    }

    /** Reads and embeds an image file as an import would, without importing it. */
    @FunctionalInterface
    public interface FileEncoder {
        /** @throws IllegalArgumentException when the file cannot be read as an image (the message says why) */
        float[] encode(Path file);
    }

    private final EmbeddingIndex index;
    private final LibraryQueries library;
    private final TextEncoder text;
    private final FileEncoder files;
    private final LongFunction<List<Long>> nearDuplicates;

    /**
     * @param nearDuplicates the ids of a photo's near-duplicates, shown apart from its similar photos
     */
    public IndexedPhotoSearch(EmbeddingIndex index, LibraryQueries library, TextEncoder text, FileEncoder files,
            LongFunction<List<Long>> nearDuplicates) {
        this.index = Objects.requireNonNull(index, "index");
        this.library = Objects.requireNonNull(library, "library");
        this.text = Objects.requireNonNull(text, "text");
        this.files = Objects.requireNonNull(files, "files");
        this.nearDuplicates = Objects.requireNonNull(nearDuplicates, "nearDuplicates");
    }

    @Override
    public SearchPage byText(String query, SearchFilter filter, int offset, int limit) {
        float[] embedding = text.encode(query);
        return page(search(query(embedding, filter, offset, limit, Set.of())), offset, limit, List.of(), true);
    }

    @Override
    public SearchPage similarTo(long imageId, SearchFilter filter, int offset, int limit) {
        if (library.image(imageId).isEmpty()) { // removed, maybe since the index last followed the library
            throw new NoSuchElementException("There is no photo with id " + imageId + ".");
        }
        float[] embedding = loaded(() -> index.embedding(imageId))
                .orElseThrow(() -> new NoSuchElementException("There is no photo with id " + imageId + "."));
        List<Long> duplicates = nearDuplicates.apply(imageId);
        Set<Long> excluded = new HashSet<>(duplicates);
        excluded.add(imageId);
        SearchResults results = search(query(embedding, filter, offset, limit, excluded));
        List<FoundImage> apart = new ArrayList<>();
        Map<Long, ImageRecord> records = byId(duplicates);
        for (long id : duplicates) {
            ImageRecord record = records.get(id);
            Optional<float[]> other = record == null ? Optional.empty() : loaded(() -> index.embedding(id));
            if (other.isPresent()) { // one imported this second shows once the index has followed the library
                apart.add(new FoundImage(record, cosine(embedding, other.get())));
            }
        }
        apart.sort(Comparator.comparingDouble(FoundImage::score).reversed());
        return page(results, offset, limit, apart, false);
    }

    /** How alike two photos' unit-length embeddings are, as the search scores its results. */
    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    @Override
    public SearchPage similarToFile(Path file, SearchFilter filter, int limit) {
        float[] embedding = files.encode(file);
        return page(search(query(embedding, filter, 0, limit, Set.of())), 0, limit, List.of(), false);
    }

    private SearchQuery query(float[] embedding, SearchFilter filter, int offset, int limit, Set<Long> excluded) {
        SearchFilter f = filter == null ? SearchFilter.NONE : filter;
        SearchQuery query = new SearchQuery(embedding, offset, limit, f.object(), f.background(), f.cluster(), excluded);
        // the index knows no dates: the library says which photos were taken in the range
        return f.taken().isAny() ? query : query.onlyAmong(library.idsTaken(f.taken()));
    }

    private SearchResults search(SearchQuery query) {
        return loaded(() -> index.search(query));
    }

    /** Runs a call on the index, saying in a sentence when the index is still loading. */
    private static <T> T loaded(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (IndexLoadingException e) {
            throw new SearchUnavailableException("The library's photos are still being prepared for search;"
                    + " try again in a few seconds.", true, e);
        }
    }

    private SearchPage page(SearchResults results, int offset, int limit, List<FoundImage> duplicates, boolean suggest) {
        List<Long> ids = results.hits().stream().map(SearchHit::id).toList();
        Map<Long, ImageRecord> records = byId(ids);
        List<FoundImage> found = new ArrayList<>(ids.size());
        for (SearchHit hit : results.hits()) {
            ImageRecord record = records.get(hit.id());
            if (record != null) { // removed since the index followed the library
                found.add(new FoundImage(record, hit.score()));
            }
        }
        long end = (long) offset + results.hits().size();
        Integer next = !results.hits().isEmpty() && end < results.matched() && end < SearchQuery.MAX_WINDOW
                ? Integer.valueOf((int) end) : null;
        List<String> suggestions = suggest && found.isEmpty() && offset == 0 ? categories() : List.of();
        return new SearchPage(found, offset, limit, next, results.matched(), duplicates, suggestions, results.approximate());
    }

    private Map<Long, ImageRecord> byId(List<Long> ids) {
        Map<Long, ImageRecord> records = new HashMap<>();
        if (!ids.isEmpty()) {
            library.imagesByIds(ids).forEach(r -> records.put(r.id(), r));
        }
        return records;
    }

    /** The library's object and background names, objects first, each sorted. */
    private List<String> categories() {
        Set<String> objects = new TreeSet<>();
        Set<String> backgrounds = new TreeSet<>();
        for (GroupKey group : library.groupMembership().keySet()) {
            objects.add(group.objectLabel());
            backgrounds.add(group.backgroundLabel());
        }
        List<String> names = new ArrayList<>(objects);
        backgrounds.stream().filter(b -> !objects.contains(b)).forEach(names::add);
        return names.size() > SUGGESTIONS ? names.subList(0, SUGGESTIONS) : names;
    }
}
