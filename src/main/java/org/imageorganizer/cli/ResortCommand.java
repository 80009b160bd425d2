package org.imageorganizer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.imageorganizer.services.LibraryResort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code resort}: every photo sorted again from its stored embedding, with the library's current categories. */
@Command(name = ResortCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Sort every photo again with the library's current categories, threshold and your corrections, "
            + "from the stored embeddings (the image model does not run; the text of a new category is embedded "
            + "once with the library's model). Your own choices stay."})
final class ResortCommand implements Callable<Integer> {
    static final String NAME = "resort";

    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOption library;

    @Option(names = "--model-dir", paramLabel = "DIR", description = "Model folder holding the library's model, needed "
            + "only for a category whose words are new; repeat it for several (default: env IMAGE_ORGANIZER_MODEL_DIR, "
            + "the settings, or the downloaded model).")
    List<Path> modelDirs = new ArrayList<>();

    ResortCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        try (CliServices.SortingSession session = services.openSorting(library.location(), modelDirs)) {
            LibraryResort.Summary summary = session.resort().resort();
            session.finish();
            spec.commandLine().getOut().printf("Re-sorted %d photos: %d changed category (%.1f s).%n", summary.photos(),
                    summary.changed(), (summary.computeMillis() + summary.writeMillis()) / 1000.0);
            return 0;
        }
    }
}
