package org.imageorganizer.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** An in-memory source for the tests: a list of rows and a version bumped by every change. */
class ListSource implements EmbeddingSource {
    private List<EmbeddingRow> rows;
    private long version = 1;
    final AtomicInteger fullReads = new AtomicInteger();

    ListSource(List<EmbeddingRow> rows) {
        this.rows = new ArrayList<>(rows);
    }

    synchronized void replace(List<EmbeddingRow> newRows) {
        rows = new ArrayList<>(newRows);
        version++;
    }

    synchronized List<EmbeddingRow> rows() {
        return List.copyOf(rows);
    }

    @Override
    public synchronized long version() {
        return version;
    }

    @Override
    public synchronized int count() {
        return rows.size();
    }

    @Override
    public void forEachRow(Consumer<EmbeddingRow> sink) {
        fullReads.incrementAndGet();
        rows().forEach(sink);
    }

    @Override
    public Optional<Changes> changesSince(long since) {
        return Optional.empty();
    }
}
