package org.imageorganizer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import org.imageorganizer.services.PhotoSearch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code similar ID} or {@code similar --file PATH}: the photos most like one. */
@Command(name = "similar", mixinStandardHelpOptions = true,
        description = {"List the photos most like a photo of the library (by its id, as list shows it), or like an "
            + "image file that is not in the library (--file: it is read, not imported)."})
final class SimilarCommand implements Callable<Integer> {
    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOption library;

    /** Exactly one of the two. */
    static final class Target {
        @Parameters(paramLabel = "ID", description = "The photo's id.")
        Long id;

        @Option(names = "--file", paramLabel = "PATH", description = "An image file, compared without importing it.")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "Photos to list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--model-dir", paramLabel = "DIR", description = "Model folder holding the library's model, for "
            + "--file; repeat it for several (default: env IMAGE_ORGANIZER_MODEL_DIR, the settings, or the downloaded model).")
    List<Path> modelDirs = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    SimilarCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        FoundPrinter.checkLimit(limit);
        try (CliServices.SearchSession session = services.openSearch(library.location(), modelDirs)) {
            PhotoSearch.SearchPage page;
            try {
                page = target.file != null
                        ? session.search().similarToFile(target.file, PhotoSearch.SearchFilter.NONE, limit)
                        : session.search().similarTo(target.id, PhotoSearch.SearchFilter.NONE, 0, limit);
            } catch (IllegalArgumentException e) {
                throw new UserException("Cannot compare: " + e.getMessage() + ".");
            } catch (NoSuchElementException e) {
                throw new UserException(e.getMessage());
            }
            FoundPrinter.print(spec.commandLine().getOut(), page, json, "No other photo to compare with");
            return 0;
        }
    }
}
