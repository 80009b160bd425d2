package org.imageorganizer.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.importer.ModelOnDemand;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.model.ExplainedException;
import org.imageorganizer.search.EmbeddingIndex;
import org.imageorganizer.services.LibraryQueries;
import org.imageorganizer.services.PhotoDuplicates;
import org.imageorganizer.services.PhotoSearch;
import org.imageorganizer.services.SearchUnavailableException;
import org.imageorganizer.services.StoredEmbeddingSource;
import org.imageorganizer.store.LibraryDatabase;

/**
 * The window's search ({@link PhotoSearch}, as the server and the command line build it in {@link Core}),
 * made on first use over the window's full library, in the window's background tasks: nothing is
 * opened before the window shows (ADR 0031). Its near-duplicates come from the window's one
 * {@link PhotoDuplicates} (one full pass per library change for the grid, the Duplicates view and
 * Show Similar). The embeddings
 * then load in the background; a search that comes before they are in waits {@link #LOAD_WAIT}, then
 * says search is getting ready. A text needs the model: the window's one ({@code ModelOnDemand}),
 * whose load a text search starts, saying so meanwhile instead of waiting for it.
 */
final class DesktopFind implements AutoCloseable {
    /** How long a search waits for the library's embeddings before saying they are still loading. */
    static final Duration LOAD_WAIT = Duration.ofSeconds(3);

    private final Core core;
    private final Supplier<LibraryDatabase> library;
    private final Supplier<LibraryQueries> queries;
    private final PhotoDuplicates duplicates;
    private final Function<LibraryDatabase, ModelOnDemand> model;
    private EmbeddingIndex index;
    private PhotoSearch search;
    private boolean closed;

    /**
     * @param library the window's full library, opened on first use
     * @param queries    the window's reads of it
     * @param duplicates the window's duplicates (a photo's near-duplicates are shown apart from its similar ones)
     * @param model      the window's model for the library
     */
    DesktopFind(Core core, Supplier<LibraryDatabase> library, Supplier<LibraryQueries> queries, PhotoDuplicates duplicates,
            Function<LibraryDatabase, ModelOnDemand> model) {
        this.core = core;
        this.library = library;
        this.queries = queries;
        this.duplicates = duplicates;
        this.model = model;
    }

    /** The search the window is given: each call made on the services opened on first use. */
    PhotoSearch search() {
        return new PhotoSearch() {
            @Override
            public SearchPage byText(String text, SearchFilter filter, int offset, int limit) {
                return opened().byText(text, filter, offset, limit);
            }

            @Override
            public SearchPage similarTo(long imageId, SearchFilter filter, int offset, int limit) {
                return opened().similarTo(imageId, filter, offset, limit);
            }

            @Override
            public SearchPage similarToFile(Path file, SearchFilter filter, int limit) {
                return opened().similarToFile(file, filter, limit);
            }
        };
    }

    private PhotoSearch opened() {
        open();
        synchronized (this) {
            return search;
        }
    }

    private synchronized void open() {
        if (closed) {
            throw new IllegalStateException("The window is closing.");
        }
        if (search != null) {
            return;
        }
        LibraryDatabase opened = library.get();
        LibraryQueries reads = queries.get();
        index = core.searchIndex(StoredEmbeddingSource.of(opened),
                String.valueOf(core.sources().database(DatabaseLocation.DEFAULT)), LOAD_WAIT);
        search = core.photoSearch(index, reads, () -> textModel(opened), duplicates);
    }

    /** The model for a text: loaded already, else its load is started and the window says so. */
    private ClipModel textModel(LibraryDatabase opened) {
        if (opened.info().modelId().isEmpty()) {
            throw new ExplainedException("The library has no photos yet, so there is nothing to search: add some first.");
        }
        ModelOnDemand onDemand = model.apply(opened);
        if (onDemand.ready()) {
            return onDemand.model();
        }
        Throwable failure = onDemand.loadFailure();
        if (failure != null) {
            throw new SearchUnavailableException("Searching by text needs the recognition model, which could not be loaded: "
                    + failure.getMessage(), false, failure);
        }
        onDemand.load();
        throw new SearchUnavailableException("The recognition model is loading to search by text.", true, null);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (index != null) {
            index.close();
        }
    }
}
