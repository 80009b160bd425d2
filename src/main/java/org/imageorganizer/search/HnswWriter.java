package org.imageorganizer.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.imageorganizer.common.BackgroundThreads;

/**
 * Brings an {@link HnswIndex} to a version of the library: either from every row (documents whose
 * fingerprint changed are replaced, new ones added, missing ones deleted, so an unchanged library
 * costs a read and no graph work) or from a list of changes. Documents are added from
 * {@link HnswSettings#indexThreads()} threads, each of which builds its own segment's graph. The
 * version is written with the commit, so a restarted process whose library has not changed uses the
 * index on disk as it is.
 */
final class HnswWriter {
    private static final int BATCH = 256;

    private final HnswIndex index;

    HnswWriter(HnswIndex index) {
        this.index = index;
    }

    /** What a sync did. */
    record Outcome(int added, int replaced, int deleted, int unchanged, int skipped) {
    }

    /** Makes the index hold exactly the rows {@code rows} gives, then commits it as {@code version}. */
    Outcome sync(Consumer<Consumer<EmbeddingRow>> rows, long version) throws IOException {
        Map<Long, Long> before = index.fingerprints();
        int[] counts = new int[5];
        int[] dimension = {0};
        try (IndexWriter writer = openWriter(); Adder adder = new Adder(writer, index.settings().indexThreads())) {
            rows.accept(row -> {
                if (dimension[0] == 0) {
                    dimension[0] = row.embedding().length;
                }
                if (row.embedding().length != dimension[0]) {
                    counts[4]++;
                    return;
                }
                long print = fingerprint(row);
                Long old = before.remove(row.id());
                if (old != null && old == print) {
                    counts[3]++;
                    return;
                }
                counts[old == null ? 0 : 1]++;
                adder.add(row, print, old != null);
            });
            adder.finish();
            deleteAll(writer, before.keySet());
            counts[2] = before.size();
            writer.setLiveCommitData(Map.of(HnswIndex.VERSION, Long.toString(version)).entrySet());
            writer.commit();
        }
        index.refreshSearcher();
        return new Outcome(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    /** Applies the changes, then commits them as their version. */
    void apply(EmbeddingSource.Changes changes) throws IOException {
        try (IndexWriter writer = openWriter()) {
            deleteAll(writer, changes.removedIds());
            for (EmbeddingRow row : changes.upserted()) {
                writer.updateDocument(key(row.id()), document(row, fingerprint(row)));
            }
            writer.setLiveCommitData(Map.of(HnswIndex.VERSION, Long.toString(changes.version())).entrySet());
            writer.commit();
        }
        index.refreshSearcher();
    }

    private static void deleteAll(IndexWriter writer, java.util.Collection<Long> ids) throws IOException {
        List<Term> terms = new ArrayList<>();
        for (long id : ids) {
            terms.add(key(id));
            if (terms.size() == 1024) {
                writer.deleteDocuments(terms.toArray(new Term[0]));
                terms.clear();
            }
        }
        if (!terms.isEmpty()) {
            writer.deleteDocuments(terms.toArray(new Term[0]));
        }
    }

    private IndexWriter openWriter() throws IOException {
        HnswSettings s = index.settings();
        KnnVectorsFormat format = new Lucene99HnswVectorsFormat(s.maxConn(), s.beamWidth());
        Codec codec = new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return format;
            }
        };
        IndexWriterConfig config = new IndexWriterConfig().setCodec(codec).setRAMBufferSizeMB(s.ramBufferMb())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setCommitOnClose(false);
        return new IndexWriter(index.directory(), config);
    }

    static Term key(long id) {
        return new Term(HnswIndex.KEY, Long.toString(id));
    }

    static Document document(EmbeddingRow row, long fingerprint) {
        Document doc = new Document();
        doc.add(new StringField(HnswIndex.KEY, Long.toString(row.id()), Store.NO));
        doc.add(new NumericDocValuesField(HnswIndex.ID, row.id()));
        doc.add(new NumericDocValuesField(HnswIndex.FINGERPRINT, fingerprint));
        if (row.objectLabel() != null) {
            doc.add(new StringField(HnswIndex.OBJECT, row.objectLabel(), Store.NO));
        }
        if (row.backgroundLabel() != null) {
            doc.add(new StringField(HnswIndex.BACKGROUND, row.backgroundLabel(), Store.NO));
        }
        doc.add(new StringField(HnswIndex.CLUSTER, Integer.toString(row.clusterId()), Store.NO));
        doc.add(new KnnFloatVectorField(HnswIndex.VECTOR, HnswIndex.unit(row.embedding()),
                VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }

    /** A hash of everything a document holds, to tell a changed row from an unchanged one. */
    static long fingerprint(EmbeddingRow row) {
        long h = Arrays.hashCode(row.embedding());
        h = h * 1_000_003 + java.util.Objects.hashCode(row.objectLabel());
        h = h * 1_000_003 + java.util.Objects.hashCode(row.backgroundLabel());
        return h * 1_000_003 + row.clusterId();
    }

    /** Adds documents in batches from a few threads; at most two batches a thread wait. */
    private static final class Adder implements AutoCloseable {
        private final IndexWriter writer;
        private final ExecutorService threads;
        private final Semaphore room;
        private final List<Future<?>> pending = new ArrayList<>();
        private List<Pending> batch = new ArrayList<>(BATCH);

        private record Pending(EmbeddingRow row, long print, boolean replaces) {
        }

        Adder(IndexWriter writer, int threadCount) {
            this.writer = writer;
            this.threads = Executors.newFixedThreadPool(threadCount, BackgroundThreads.factory("search-index-build"));
            this.room = new Semaphore(2 * threadCount);
        }

        void add(EmbeddingRow row, long print, boolean replaces) {
            // the caller may reuse the row's array: copy it now
            EmbeddingRow copy = new EmbeddingRow(row.id(), row.objectLabel(), row.backgroundLabel(), row.clusterId(),
                    row.embedding().clone());
            batch.add(new Pending(copy, print, replaces));
            if (batch.size() == BATCH) {
                flush();
            }
        }

        private void flush() {
            List<Pending> mine = batch;
            batch = new ArrayList<>(BATCH);
            room.acquireUninterruptibly();
            pending.removeIf(Future::isDone);
            pending.add(threads.submit(() -> {
                try {
                    for (Pending item : mine) {
                        Document doc = document(item.row(), item.print());
                        if (item.replaces()) {
                            writer.updateDocument(key(item.row().id()), doc);
                        } else {
                            writer.addDocument(doc);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    room.release();
                }
                return null;
            }));
        }

        /** Waits for every document to be added; rethrows the first failure. */
        void finish() throws IOException {
            if (!batch.isEmpty()) {
                flush();
            }
            for (Future<?> f : pending) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while building the search index", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
                }
            }
        }

        @Override
        public void close() {
            threads.shutdownNow();
        }
    }
}
