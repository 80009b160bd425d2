package org.imageorganizer.importer;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides which of an import's files with the same content is the original: the first in walk
 * order, whatever order the decode workers finish in. Each file, numbered by its place in the walk,
 * reports its content hash (or that it has none: unreadable, refused); the answer for a file waits
 * until every file before it has reported. The workers take files in walk order, so the files waited
 * for are already being read, and the wait is only for their hashing, not their decoding.
 */
final class FirstCopies {
    private final Map<String, Integer> firstIndex = new HashMap<>();
    private final BitSet reported = new BitSet();
    private int reportedBefore; // every index below this one has reported

    /**
     * Records the hash of file {@code index} and returns the index of the first file of the walk with
     * this content ({@code index} itself when no earlier file has it).
     *
     * @throws InterruptedException when the import is torn down while waiting
     */
    synchronized int originalOf(int index, String sha256) throws InterruptedException {
        firstIndex.merge(sha256, index, Math::min);
        markReported(index);
        while (reportedBefore < index) {
            wait();
        }
        return firstIndex.get(sha256);
    }

    /** File {@code index} has no content to compare (it could not be read); the files after it need not wait for it. */
    synchronized void noContent(int index) {
        markReported(index);
    }

    private void markReported(int index) {
        reported.set(index);
        int before = reportedBefore;
        reportedBefore = reported.nextClearBit(reportedBefore);
        if (reportedBefore != before) {
            notifyAll();
        }
    }
}
