package org.imageorganizer.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.imageorganizer.config.DatabaseLocation;
import org.imageorganizer.importer.FolderWalk;
import org.imageorganizer.importer.ImportSession;
import org.imageorganizer.model.ImportListener;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.services.LibraryImport;
import org.imageorganizer.services.OpenedLibrary;
import org.imageorganizer.services.StoreLibrary;
import org.imageorganizer.store.LibraryReader;

/**
 * {@code organize}'s import, which opens the library only as far as the files need (ADR 0029). An
 * existing library of this program's schema is first read through plain JDBC ({@link LibraryReader}):
 * when it has every walked file unchanged (path, size and modification time), nothing needs reading or
 * writing, the import ends there, and the tree is read as {@code tree} reads it, without Flyway,
 * Hibernate or the model. Otherwise the library is opened for writing, the model chosen, and the
 * pipeline goes on from the walk.
 */
final class OrganizeRun implements LibraryImport {

    /** What the command asks of the model: as {@link org.imageorganizer.cli.CliServices#openImport}. */
    record ModelRequest(List<Path> modelDirs, String precision, Integer views, Boolean adaptive) {
    }

    private final Core core;
    private final DatabaseLocation location;
    private final ModelRequest request;
    private final Function<LibraryReader, OpenedLibrary> readOnly;
    private final Supplier<StoreLibrary> writable;
    private OpenedLibrary library;
    private ImportSession session;

    /**
     * @param readOnly the library read through this reader, which it then owns (as {@code tree} reads it)
     * @param writable opens the library for writing, with its clusterer
     */
    OrganizeRun(Core core, DatabaseLocation location, ModelRequest request, Function<LibraryReader, OpenedLibrary> readOnly,
            Supplier<StoreLibrary> writable) {
        this.core = core;
        this.location = location;
        this.request = request;
        this.readOnly = readOnly;
        this.writable = writable;
    }

    @Override
    public ImportSummary organize(List<Path> roots, ImportListener listener, BooleanSupplier cancelled) {
        if (library != null) {
            throw new IllegalStateException("one organize per import");
        }
        Optional<LibraryReader> reader = core.openReader(location);
        try {
            if (reader.isEmpty()) {
                // a library that does not exist yet, or of an older schema: created or migrated first, as before
                StoreLibrary opened = open();
                return importAll(opened, FolderWalk.of(roots, listener, cancelled), cancelled);
            }
            FolderWalk walk = FolderWalk.of(roots, listener, cancelled);
            walk.lookUp(reader.get()::unchangedFiles);
            if (walk.allUnchanged()) {
                library = readOnly.apply(reader.get());
                reader = Optional.empty(); // the read-only library owns it now
                return walk.summaryOfUnchanged(cancelled);
            }
            return importAll(open(), walk, cancelled);
        } finally {
            reader.ifPresent(LibraryReader::close);
        }
    }

    private StoreLibrary open() {
        StoreLibrary opened = writable.get();
        library = opened;
        return opened;
    }

    private ImportSummary importAll(StoreLibrary opened, FolderWalk walk, BooleanSupplier cancelled) {
        session = core.importSession(opened.library(), request.modelDirs(), request.precision(), request.views(),
                request.adaptive(), opened.clusterer());
        return session.pipeline().run(walk, cancelled);
    }

    @Override
    public OpenedLibrary library() {
        if (library == null) {
            throw new IllegalStateException("the library is opened by organize");
        }
        return library;
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            if (library != null) {
                library.close();
            }
        }
    }
}
