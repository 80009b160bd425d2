package org.imageorganizer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.imageorganizer.services.PhotoSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code search TEXT}: the library's photos ranked by how well they match a text. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"List the photos that best match a text, such as \"a dog on the beach\", best first.",
            "The model understands English only."})
final class SearchCommand implements Callable<Integer> {
    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOption library;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "What to look for (several words make one text).")
    List<String> words;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "Photos to list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--object", paramLabel = "O", description = "Only photos of this object category.")
    String object;

    @Option(names = "--background", paramLabel = "B", description = "Only photos with this background category.")
    String background;

    @Option(names = "--model-dir", paramLabel = "DIR", description = "Model folder holding the library's model; repeat it "
            + "for several (default: env IMAGE_ORGANIZER_MODEL_DIR, the settings, or the downloaded model).")
    List<Path> modelDirs = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Mixin
    TakenOptions taken = new TakenOptions();

    SearchCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        FoundPrinter.checkLimit(limit);
        String text = String.join(" ", words);
        org.imageorganizer.model.TakenRange range = taken.range();
        try (CliServices.SearchSession session = services.openSearch(library.location(), modelDirs)) {
            PhotoSearch.SearchPage page;
            try {
                page = session.search().byText(text, new PhotoSearch.SearchFilter(object, background, null, range), 0,
                        limit);
            } catch (IllegalArgumentException e) {
                throw new UserException("Cannot search: " + e.getMessage() + ".");
            }
            FoundPrinter.print(spec.commandLine().getOut(), page, json, "No photo matches \"" + text + "\"");
            return 0;
        }
    }
}
