package org.imageorganizer.app;

import org.imageorganizer.ml.LabelEmbeddingCache;
import org.imageorganizer.ml.NameSuggester;
import org.imageorganizer.services.SuggestedClusterNames;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.imageorganizer.common.Futures;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.importer.FolderWalk;
import org.imageorganizer.importer.ImportSession;
import org.imageorganizer.importer.ModelOnDemand;
import org.imageorganizer.importer.OpeningLibrary;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.model.ImportListener;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.services.LibraryImport;
import org.imageorganizer.services.OpenedLibrary;
import org.imageorganizer.services.StoreLibrary;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.LibraryReader;
import org.imageorganizer.store.ModelMismatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code organize}'s import, which opens the library only as far as the files need, and waits for it
 * only where a result is needed (ADR 0029).
 * <ul>
 * <li>An existing library of this program's schema is first read through plain JDBC
 * ({@link LibraryReader}): when it has every walked file unchanged (path, size and modification time),
 * nothing needs reading or writing, the import ends there, and the tree is read as {@code tree} reads
 * it, without Flyway, Hibernate or the model.</li>
 * <li>Otherwise the library is opened for writing (Flyway, Hibernate) on another thread while the model
 * is chosen (the variant the library records, read through the reader; none for a library that does
 * not exist yet) and the pipeline reads, hashes and decodes the files and loads the model
 * ({@link OpeningLibrary}). A library that exists but cannot be read before (an older schema, say) is
 * waited for before the choice; so is any library when the choice may download a model.</li>
 * <li>A library that cannot be opened is reported as before, with its one sentence, before any other
 * failure of the run; the open is always waited for and the library closed, so nothing is left
 * half-written.</li>
 * </ul>
 */
final class OrganizeRun implements LibraryImport {
    private static final Logger LOG = LoggerFactory.getLogger(OrganizeRun.class);

    /** What the command asks of the model: as {@link org.imageorganizer.cli.CliServices#openImport}. */
    record ModelRequest(List<Path> modelDirs, String precision, Integer views, Boolean adaptive) {
    }

    private final Core core;
    private final DatabaseLocation location;
    private final ModelRequest request;
    private final Function<LibraryReader, OpenedLibrary> readOnly;
    private final Function<LibraryDatabase, StoreLibrary> withClusterer;
    private boolean started;
    private OpenedLibrary readLibrary;
    private CompletableFuture<StoreLibrary> writable;
    private ImportSession session;

    /**
     * @param readOnly      the library read through this reader, which it then owns (as {@code tree} reads it)
     * @param withClusterer the library opened for writing, with its clusterer (which the result owns; on any
     *                      failure it closes the library itself)
     */
    OrganizeRun(Core core, DatabaseLocation location, ModelRequest request, Function<LibraryReader, OpenedLibrary> readOnly,
            Function<LibraryDatabase, StoreLibrary> withClusterer) {
        this.core = core;
        this.location = location;
        this.request = request;
        this.readOnly = readOnly;
        this.withClusterer = withClusterer;
    }

    @Override
    public ImportSummary organize(List<Path> roots, ImportListener listener, BooleanSupplier cancelled) {
        if (started) {
            throw new IllegalStateException("one organize per import");
        }
        started = true;
        Optional<LibraryReader> reader = core.openReader(location);
        boolean created = reader.isEmpty() && core.libraryAbsent(location);
        boolean handedOver = false;
        ModelFolder folder = null;
        ModelOnDemand model = null;
        try {
            if (reader.isEmpty()) {
                startOpening(); // a new library is created, an older one migrated, while the files are walked
            }
            if (created && roots.stream().anyMatch(Files::exists)) {
                // every photo of a new library is new: its model loads while the files are walked (ADR 0039)
                folder = chooseModel(reader, true);
                model = core.modelOnDemand(folder, () -> awaitWritable().library());
                model.load();
            }
            FolderWalk walk = FolderWalk.of(roots, listener, cancelled);
            if (reader.isPresent()) {
                walk.lookUp(reader.get()::unchangedFiles);
                if (walk.allUnchanged()) {
                    readLibrary = readOnly.apply(reader.get());
                    handedOver = true;
                    return walk.summaryOfUnchanged(cancelled);
                }
                startOpening();
            }
            if (folder == null) {
                folder = chooseModel(reader, created);
                model = core.modelOnDemand(folder, () -> awaitWritable().library());
            }
            ModelFolder chosen = folder;
            String modelId = chosen.manifest().modelId();
            CompletableFuture<LibraryDatabase> claimed = writable.thenApply(opened -> {
                Core.claimModel(opened.library().info(), chosen.manifest());
                return opened.library();
            });
            OpeningLibrary library = reader.isPresent() ? OpeningLibrary.readThrough(claimed, reader.get())
                    : created ? OpeningLibrary.created(claimed) : OpeningLibrary.waitingFor(claimed);
            session = core.importSession(library, model, request.views(), request.adaptive(), this::libraryChanged);
            ImportSummary summary = session.pipeline().run(walk, cancelled);
            if (!cancelled.getAsBoolean()) {
                bringNearDuplicatesUpToDate(modelId, cancelled);
                suggestClusterNames(modelId);
            }
            return summary;
        } catch (RuntimeException | Error e) {
            if (session == null && model != null) {
                model.close(); // loaded ahead for a session that did not start
            }
            throw openFailureFirst(e);
        } finally {
            if (!handedOver) {
                reader.ifPresent(LibraryReader::close);
            }
        }
    }

    /**
     * Hashes the photos imported before perceptual hashes existed and builds the near-duplicate links once
     * (docs/decisions/0036): usually nothing to do; never fails the import (the log says why).
     */
    private void bringNearDuplicatesUpToDate(String modelId, BooleanSupplier cancelled) {
        try {
            LibraryDatabase opened = awaitWritable().library();
            core.nearDuplicateBackfill(opened, core.localStorage(), Optional.of(modelId), request.modelDirs()).run(cancelled);
        } catch (RuntimeException e) {
            LOG.warn("The library's near-duplicate hashes could not be brought up to date: {}", e.toString());
        }
        try {
            core.metadataBackfill(awaitWritable().library(), core.localStorage()).run(cancelled, () -> { });
        } catch (RuntimeException e) {
            LOG.warn("The dates taken of older photos could not be read: {}", e.toString());
        }
    }

    /**
     * Suggests names for the clusters that have none (ADR 0045) when the model's vocabulary is cached (the window or
     * the server computed it): the groups are clustered first. A command does not spend a minute encoding it.
     */
    private void suggestClusterNames(String modelId) {
        try {
            NameSuggester.cached(modelId, new LabelEmbeddingCache(core.environment().labelEmbeddingCacheDir()))
                    .ifPresent(suggester -> {
                        StoreLibrary opened = awaitWritable();
                        opened.clusterer().refreshNow();
                        new SuggestedClusterNames(opened.library().clusters()).suggest(suggester);
                    });
        } catch (RuntimeException e) {
            LOG.warn("Names could not be suggested for the clusters: {}", e.toString());
        }
    }

    /** Checks at once what can be checked without connecting, then opens the library for writing on another thread. */
    private void startOpening() {
        Supplier<LibraryDatabase> opener = core.libraryOpener(location);
        writable = Futures.onNewThread("library-open", false, () -> {
            long start = System.nanoTime();
            StoreLibrary opened = withClusterer.apply(opener.get());
            LOG.info("Library opened for the import in {} ms", (System.nanoTime() - start) / 1_000_000);
            return opened;
        });
    }

    /**
     * The variant for the library: the one it records (read through the reader, or once opened when it
     * cannot be read before), none for a library that did not exist. A library that records another
     * variant than the one chosen refuses it here, as its claim would.
     */
    private ModelFolder chooseModel(Optional<LibraryReader> reader, boolean created) {
        Optional<String> recorded = reader.isPresent() ? reader.get().modelId()
                : created ? Optional.empty() : awaitWritable().library().info().modelId();
        if (core.models().mayDownload(request.modelDirs(), request.precision())) {
            awaitWritable(); // a library that cannot be opened is said first, and no model downloaded for it
        }
        ModelFolder folder = core.chooseModel(recorded, request.modelDirs(), request.precision());
        String chosen = folder.manifest().modelId();
        if (recorded.isPresent() && !recorded.get().equals(chosen)) {
            throw new ModelMismatchException(recorded.get(), chosen);
        }
        return folder;
    }

    /** Tells the library's clustering of new images (there are none before the library is open). */
    private void libraryChanged() {
        StoreLibrary opened = Futures.now(writable);
        if (opened != null) {
            opened.clusterer().libraryChanged();
        }
    }

    private StoreLibrary awaitWritable() {
        return Futures.join(writable);
    }

    /** What to throw for a failure of the run: the library's own failure to open, when it failed, as before. */
    private RuntimeException openFailureFirst(Throwable failure) {
        if (writable != null) {
            writable.exceptionally(e -> null).join(); // wait for the open, whatever its outcome
            Throwable cannotOpen = Futures.failure(writable);
            if (cannotOpen != null && cannotOpen != failure) {
                cannotOpen.addSuppressed(failure);
                return Futures.unchecked(cannotOpen);
            }
        }
        return Futures.unchecked(failure);
    }

    @Override
    public OpenedLibrary library() {
        if (readLibrary != null) {
            return readLibrary;
        }
        if (writable == null) {
            throw new IllegalStateException("the library is opened by organize");
        }
        return awaitWritable();
    }

    /** Frees the model, then the library: one still opening is waited for and closed. */
    @Override
    public void close() {
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            if (readLibrary != null) {
                readLibrary.close();
            }
            if (writable != null) {
                try {
                    writable.join().close();
                } catch (CompletionException e) {
                    // it never opened: nothing to close
                }
            }
        }
    }
}
