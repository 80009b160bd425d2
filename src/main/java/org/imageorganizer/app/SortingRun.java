package org.imageorganizer.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.imageorganizer.cli.CliServices;
import org.imageorganizer.importer.ModelOnDemand;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.ClipModels;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.model.ExplainedException;
import org.imageorganizer.services.LabelCorrecting;
import org.imageorganizer.services.LibraryCategories;
import org.imageorganizer.services.LibraryResort;
import org.imageorganizer.services.StoreLibrary;
import org.imageorganizer.store.LibraryDatabase;

/**
 * A command's sorting by hand ({@code label}, {@code categories}, {@code resort}): the library opened for writing
 * with its clustering, and the library's own model variant loaded only if a category's text must be embedded
 * (the descriptions seen before are cached). Closing it closes both.
 */
final class SortingRun implements CliServices.SortingSession {
    private final StoreLibrary library;
    private final LabelCorrecting corrections;
    private final LibraryCategories categories;
    private final LibraryResort resort;
    private ModelOnDemand model;

    SortingRun(Core core, StoreLibrary library, List<Path> modelDirs) {
        this.library = library;
        LibraryDatabase db = library.library();
        this.corrections = new LabelCorrecting(db, library.clusterer());
        this.categories = new LibraryCategories(db);
        this.resort = new LibraryResort(db, sorting -> core.classifiers().of(model(core, db, modelDirs), sorting, db),
                library.clusterer());
    }

    /** The library's variant, loaded when a text is embedded first (its manifest is read at once). */
    private synchronized ClipModel model(Core core, LibraryDatabase db, List<Path> modelDirs) {
        if (model == null) {
            String variant = db.info().modelId().orElseThrow(() -> new ExplainedException(
                    "The library has no photos yet, so there is nothing to sort: organize a folder first."));
            ModelFolder folder = core.chooseModel(Optional.of(variant), modelDirs, null);
            model = new ModelOnDemand(folder.manifest(), () -> ClipModels.load(folder), loaded -> null);
        }
        return model.model();
    }

    @Override
    public LabelCorrecting corrections() {
        return corrections;
    }

    @Override
    public LibraryCategories categories() {
        return categories;
    }

    @Override
    public LibraryResort resort() {
        return resort;
    }

    @Override
    public void finish() {
        library.clusterer().refreshNow();
    }

    @Override
    public synchronized void close() {
        try {
            if (model != null) {
                model.close();
            }
        } finally {
            library.close();
        }
    }
}
