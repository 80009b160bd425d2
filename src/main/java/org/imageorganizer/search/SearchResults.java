package org.imageorganizer.search;

import java.util.List;

/**
 * One page of results, best first (higher score, then lower id).
 *
 * @param hits        the page
 * @param matched     how many photos pass the filters (excluded ids left out), so the number of results
 *                    there are in all; -1 when the approximate index cannot tell
 * @param approximate whether the approximate (HNSW) index answered rather than the exact scan
 * @param version     the source version the answering snapshot was read at
 */
public record SearchResults(List<SearchHit> hits, int matched, boolean approximate, long version) {
    public SearchResults {
        hits = List.copyOf(hits);
    }
}
