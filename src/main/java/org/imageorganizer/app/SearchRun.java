package org.imageorganizer.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.imageorganizer.cli.CliServices;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.ClipModels;
import org.imageorganizer.model.ExplainedException;
import org.imageorganizer.search.EmbeddingIndex;
import org.imageorganizer.services.ImageRemoval;
import org.imageorganizer.services.OpenedLibrary;
import org.imageorganizer.services.PhotoDuplicates;
import org.imageorganizer.services.PhotoSearch;
import org.imageorganizer.services.StoreLibrary;
import org.imageorganizer.services.StoredEmbeddingSource;
import org.imageorganizer.store.ImageFingerprints;
import org.imageorganizer.store.LibraryReader;
import org.imageorganizer.store.NearDuplicateLinks;

/**
 * A command's search ({@code search}, {@code similar}, {@code duplicates}): the library read as {@code tree} reads it
 * (plain JDBC when it can), its embeddings loaded into the search index, and the library's own model
 * variant loaded only if a text or a file must be embedded (a search for photos like a library photo
 * needs none). Closing it closes all three.
 */
final class SearchRun implements CliServices.SearchSession {
    /** A command waits this long for the embeddings to load (a million photos take a while the first time). */
    static final Duration LOAD_WAIT = Duration.ofMinutes(10);

    /** Commands read the duplicates; none resolves them. */
    private static final ImageRemoval READ_ONLY = id -> {
        throw new UnsupportedOperationException("the command line lists duplicates; the window and the server resolve them");
    };

    private final OpenedLibrary library;
    private final EmbeddingIndex index;
    private final PhotoSearch search;
    private final PhotoDuplicates duplicates;
    private ClipModel model;

    /**
     * @param readOnly the library read through the reader, which it then owns
     * @param full     the library opened for writing (when it cannot be read through plain JDBC)
     */
    SearchRun(Core core, DatabaseLocation location, List<Path> modelDirs, Function<LibraryReader, OpenedLibrary> readOnly,
            java.util.function.Supplier<OpenedLibrary> full) {
        Optional<LibraryReader> reader = core.openReader(location);
        Optional<String> recorded;
        OptionalDouble recordedVeto;
        StoredEmbeddingSource source;
        ImageFingerprints fingerprints;
        NearDuplicateLinks links;
        java.util.function.LongSupplier stamp;
        if (reader.isPresent()) {
            recorded = reader.get().modelId();
            recordedVeto = reader.get().nearDuplicateVeto();
            source = StoredEmbeddingSource.of(reader.get());
            fingerprints = reader.get().fingerprints();
            links = reader.get().nearDuplicateLinks();
            stamp = reader.get()::embeddingStamp;
            library = readOnly.apply(reader.get());
        } else {
            library = full.get();
            StoreLibrary store = StoreLibrary.of(library);
            recorded = store.library().info().modelId();
            recordedVeto = store.library().info().nearDuplicateVeto();
            source = StoredEmbeddingSource.of(store.library());
            fingerprints = store.library().fingerprints();
            links = store.library().nearDuplicateLinks();
            stamp = store.library().embeddings()::stamp;
        }
        try {
            index = core.searchIndex(source, String.valueOf(core.sources().database(location)), LOAD_WAIT);
            duplicates = core.photoDuplicates(fingerprints, links, library.queries(), READ_ONLY, stamp,
                    () -> core.nearDuplicateVeto(recorded, modelDirs, recordedVeto));
            search = core.photoSearch(index, library.queries(), () -> model(core, recorded, modelDirs), duplicates);
        } catch (RuntimeException | Error e) {
            library.close();
            throw e;
        }
    }

    private synchronized ClipModel model(Core core, Optional<String> recorded, List<Path> modelDirs) {
        if (model == null) {
            String variant = recorded.orElseThrow(() -> new ExplainedException(
                    "The library has no photos yet, so there is nothing to search: organize a folder first."));
            model = ClipModels.load(core.chooseModel(Optional.of(variant), modelDirs, null));
        }
        return model;
    }

    @Override
    public PhotoSearch search() {
        return search;
    }

    @Override
    public PhotoDuplicates duplicates() {
        return duplicates;
    }

    @Override
    public synchronized void close() {
        try {
            index.close();
            if (model != null) {
                model.close();
            }
        } finally {
            library.close();
        }
    }
}
