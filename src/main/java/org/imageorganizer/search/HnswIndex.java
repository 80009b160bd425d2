package org.imageorganizer.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The approximate index: a Lucene index in a folder, one document per photo with its unit embedding
 * in an HNSW graph (dot product), its id, the filter attributes and a fingerprint of what it was
 * built from (see {@link HnswWriter}). Searches see the last commit; a commit becomes visible to
 * searches started after {@link #refreshSearcher()}, searches running meanwhile keep the reader they had.
 */
final class HnswIndex implements Closeable {
    static final String VECTOR = "vector";
    static final String KEY = "key";
    static final String ID = "id";
    static final String FINGERPRINT = "fingerprint";
    static final String OBJECT = "object";
    static final String BACKGROUND = "background";
    static final String CLUSTER = "cluster";
    static final String VERSION = "library_version";

    private final Directory directory;
    private final HnswSettings settings;
    private final Executor searchExecutor;
    private SearcherManager searchers;

    /**
     * Opens the index in {@code folder}, creating the folder; an empty or missing index is built by
     * the first {@link HnswWriter#sync}.
     *
     * @param searchExecutor runs a query's segments in parallel
     */
    HnswIndex(Path folder, HnswSettings settings, Executor searchExecutor) throws IOException {
        this.directory = FSDirectory.open(Files.createDirectories(folder));
        this.settings = settings;
        this.searchExecutor = searchExecutor;
        if (DirectoryReader.indexExists(directory)) {
            searchers = new SearcherManager(directory, searcherFactory());
        }
    }

    Directory directory() {
        return directory;
    }

    HnswSettings settings() {
        return settings;
    }

    private SearcherFactory searcherFactory() {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                return new IndexSearcher(reader, searchExecutor);
            }
        };
    }

    /** Makes the last commit visible to the searches that start from now on. */
    synchronized void refreshSearcher() throws IOException {
        if (searchers == null) {
            searchers = new SearcherManager(directory, searcherFactory());
        } else {
            searchers.maybeRefreshBlocking();
        }
    }

    /** The version of the last commit, or -1 when the folder holds no index. */
    synchronized long version() throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return -1;
        }
        List<IndexCommit> commits = DirectoryReader.listCommits(directory);
        String v = commits.get(commits.size() - 1).getUserData().get(VERSION);
        return v == null ? -1 : Long.parseLong(v);
    }

    /** Live documents searched, 0 before the first commit. */
    int rows() throws IOException {
        SearcherManager m = manager();
        if (m == null) {
            return 0;
        }
        IndexSearcher s = m.acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            m.release(s);
        }
    }

    private synchronized SearcherManager manager() {
        return searchers;
    }

    /** The fingerprint of every live document, by id. */
    Map<Long, Long> fingerprints() throws IOException {
        Map<Long, Long> all = new HashMap<>();
        SearcherManager m = manager();
        if (m == null) {
            return all;
        }
        IndexSearcher s = m.acquire();
        try {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                NumericDocValues ids = leaf.reader().getNumericDocValues(ID);
                NumericDocValues prints = leaf.reader().getNumericDocValues(FINGERPRINT);
                var live = leaf.reader().getLiveDocs();
                for (int doc = ids.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    if ((live == null || live.get(doc)) && prints.advanceExact(doc)) {
                        all.put(ids.longValue(), prints.longValue());
                    }
                }
            }
        } finally {
            m.release(s);
        }
        return all;
    }

    SearchResults search(SearchQuery query, long version) throws IOException {
        SearcherManager m = manager();
        if (m == null) {
            return new SearchResults(List.of(), 0, true, version);
        }
        float[] target = unit(query.embedding());
        // excluded ids are dropped from the results rather than filtered in Lucene: a filter costs a pass
        // over every document and the slower filtered graph search, for the few ids a query excludes
        int k = Math.max(settings.candidates(), query.window() + query.excludedIds().size());
        IndexSearcher s = m.acquire();
        try {
            TopDocs top = s.search(new KnnFloatVectorQuery(VECTOR, target, k, filter(query)), k);
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc d : top.scoreDocs) {
                long id = idOf(s.getIndexReader(), d.doc);
                if (!query.excludedIds().contains(id)) {
                    // Lucene's DOT_PRODUCT score of unit vectors is (1 + cos) / 2
                    hits.add(new SearchHit(id, 2 * d.score - 1));
                }
            }
            hits.sort((a, b) -> SearchHit.rank(a.score(), a.id(), b.score(), b.id()));
            int from = Math.min(query.offset(), hits.size());
            int to = Math.min(query.window(), hits.size());
            return new SearchResults(hits.subList(from, to), -1, true, version);
        } finally {
            m.release(s);
        }
    }

    /** The embedding stored for {@code id} (unit length), if the index holds it. */
    Optional<float[]> embedding(long id) throws IOException {
        SearcherManager m = manager();
        if (m == null) {
            return Optional.empty();
        }
        IndexSearcher s = m.acquire();
        try {
            TopDocs found = s.search(new TermQuery(new Term(KEY, Long.toString(id))), 1);
            if (found.scoreDocs.length == 0) {
                return Optional.empty();
            }
            int doc = found.scoreDocs[0].doc;
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(VECTOR);
            if (vectors == null || vectors.advance(doc - leaf.docBase) != doc - leaf.docBase) {
                return Optional.empty();
            }
            return Optional.of(vectors.vectorValue().clone());
        } finally {
            m.release(s);
        }
    }

    private static Query filter(SearchQuery query) {
        if (!query.filtered()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (query.objectLabel() != null) {
            b.add(new TermQuery(new Term(OBJECT, query.objectLabel())), Occur.FILTER);
        }
        if (query.backgroundLabel() != null) {
            b.add(new TermQuery(new Term(BACKGROUND, query.backgroundLabel())), Occur.FILTER);
        }
        if (query.clusterId() != null) {
            b.add(new TermQuery(new Term(CLUSTER, Integer.toString(query.clusterId()))), Occur.FILTER);
        }
        if (query.onlyIds() != null) {
            b.add(org.apache.lucene.document.NumericDocValuesField.newSlowSetQuery(ID, query.onlyIds()), Occur.FILTER);
        }
        return b.build();
    }

    private static long idOf(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues ids = leaf.reader().getNumericDocValues(ID);
        if (!ids.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("a document without an id in the search index");
        }
        return ids.longValue();
    }

    static float[] unit(float[] v) {
        double norm = Quantizer.norm(v);
        float[] u = new float[v.length];
        if (norm > 0 && Double.isFinite(norm)) {
            for (int d = 0; d < v.length; d++) {
                u[d] = (float) (v[d] / norm);
            }
        }
        return u;
    }

    @Override
    public synchronized void close() throws IOException {
        if (searchers != null) {
            searchers.close();
        }
        directory.close();
    }
}
