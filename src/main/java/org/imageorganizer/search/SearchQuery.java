package org.imageorganizer.search;

import java.util.Collection;
import java.util.Set;

/**
 * One search of the {@link EmbeddingIndex}: the query embedding (a text's or a photo's; normalised
 * by the index), a page ({@code offset}, {@code limit}), optional filters that must all hold, and ids
 * never to return (the photo itself and its duplicates, for "similar photos").
 *
 * <p>A sub-cluster id is unique only within its object/background group: filter on a cluster together
 * with its object and background label.
 *
 * @param embedding       the query embedding
 * @param offset          results to skip, at least 0
 * @param limit           results to return, at least 1; offset + limit at most {@value #MAX_WINDOW}
 * @param objectLabel     only photos with this object label, or null for any
 * @param backgroundLabel only photos with this background label, or null for any
 * @param clusterId       only photos of this sub-cluster, or null for any
 * @param excludedIds     ids never returned
 * @param onlyIds         when not null, the only ids that may be returned (ascending; e.g. the photos taken in a
 *                        date range, which the index does not know)
 */
public record SearchQuery(float[] embedding, int offset, int limit, String objectLabel, String backgroundLabel,
        Integer clusterId, Set<Long> excludedIds, long[] onlyIds) {
    /** The deepest page end a query may ask for. */
    public static final int MAX_WINDOW = 10_000;

    public SearchQuery {
        if (embedding == null || embedding.length == 0) {
            throw new IllegalArgumentException("a query needs an embedding");
        }
        if (offset < 0 || limit < 1 || (long) offset + limit > MAX_WINDOW) {
            throw new IllegalArgumentException("need offset >= 0, limit >= 1 and offset + limit <= " + MAX_WINDOW
                    + ", got offset " + offset + ", limit " + limit);
        }
        excludedIds = excludedIds == null ? Set.of() : Set.copyOf(excludedIds);
        if (onlyIds != null) {
            onlyIds = onlyIds.clone();
            java.util.Arrays.sort(onlyIds);
        }
    }

    /** A query without a list of allowed ids. */
    public SearchQuery(float[] embedding, int offset, int limit, String objectLabel, String backgroundLabel,
            Integer clusterId, Set<Long> excludedIds) {
        this(embedding, offset, limit, objectLabel, backgroundLabel, clusterId, excludedIds, null);
    }

    /** Whether {@code id} may be returned as far as {@link #onlyIds} goes. */
    boolean allows(long id) {
        return onlyIds == null || java.util.Arrays.binarySearch(onlyIds, id) >= 0;
    }

    /** The first {@code limit} results for {@code embedding}, without filters. */
    public static SearchQuery of(float[] embedding, int limit) {
        return new SearchQuery(embedding, 0, limit, null, null, null, Set.of(), null);
    }

    public SearchQuery withPage(int offset, int limit) {
        return new SearchQuery(embedding, offset, limit, objectLabel, backgroundLabel, clusterId, excludedIds, onlyIds);
    }

    public SearchQuery withObject(String label) {
        return new SearchQuery(embedding, offset, limit, label, backgroundLabel, clusterId, excludedIds, onlyIds);
    }

    public SearchQuery withBackground(String label) {
        return new SearchQuery(embedding, offset, limit, objectLabel, label, clusterId, excludedIds, onlyIds);
    }

    public SearchQuery withCluster(Integer cluster) {
        return new SearchQuery(embedding, offset, limit, objectLabel, backgroundLabel, cluster, excludedIds, onlyIds);
    }

    public SearchQuery excluding(Collection<Long> ids) {
        return new SearchQuery(embedding, offset, limit, objectLabel, backgroundLabel, clusterId, Set.copyOf(ids), onlyIds);
    }

    /** The number of best results the search must find before the page is cut out of them. */
    int window() {
        return offset + limit;
    }

    boolean filtered() {
        return objectLabel != null || backgroundLabel != null || clusterId != null || onlyIds != null;
    }

    /** The query restricted to these ids (ascending or not), for filters the index does not hold. */
    public SearchQuery onlyAmong(long[] ids) {
        return new SearchQuery(embedding, offset, limit, objectLabel, backgroundLabel, clusterId, excludedIds, ids);
    }
}
