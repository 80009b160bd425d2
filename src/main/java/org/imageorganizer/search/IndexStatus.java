package org.imageorganizer.search;

/**
 * What the {@link EmbeddingIndex} holds now.
 *
 * @param loaded      whether queries are answered (the first load finished)
 * @param approximate whether the approximate index answers
 * @param rows        photos searched
 * @param version     the source version they were read at, -1 before the first load
 * @param lastError   why the last refresh failed, or null when it did not
 */
public record IndexStatus(boolean loaded, boolean approximate, int rows, long version, String lastError) {
}
