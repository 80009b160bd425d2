package org.imageorganizer.cli;


import org.imageorganizer.model.CorrectionsTaken;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.services.LibraryImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code organize PATH...}: import photos, then print the tree. */
@Command(name = "organize", mixinStandardHelpOptions = true,
        description = "Import photos (files or folders, searched recursively) and sort them into object / background / cluster.")
final class OrganizeCommand implements Callable<Integer> {
    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to import.")
    List<Path> paths;

    @Mixin
    LibraryOption library;

    @Option(names = "--model-dir", paramLabel = "DIR", description = "Model folder; repeat it for one folder per variant "
            + "(default: $IMAGE_ORGANIZER_MODEL_DIR, a path list, the settings, or the downloaded CLIP model).")
    List<Path> modelDirs = new java.util.ArrayList<>();

    @Option(names = "--precision", paramLabel = "P", description = "Model variant: auto (measure the variants present and "
            + "keep the fastest close to fp32), fp32, bf16 or int8 (default from settings: auto). An existing library "
            + "keeps the variant it was built with.")
    String precision;

    @Option(names = "--views", paramLabel = "N", description = "Test-time augmentation views per image, 1 to 16 (1 turns TTA off; default from settings: 3).")
    Integer views;

    @Option(names = "--adaptive-tta", description = "Run the extra TTA views only for images whose labels are a close call "
            + "after the first view (faster; default from settings: off).")
    boolean adaptiveTta;

    @Mixin
    ClusteringOptions clustering;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the grouped tree as JSON.")
    Path json;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write what happened to every file as JSON: "
            + "imported (with ids), duplicates (with the image each duplicates, and why), failures (with reasons).")
    Path report;

    @Option(names = {"-v", "--verbose"}, description = "Print each skipped file as it happens, and name every duplicate.")
    boolean verbose;

    @Option(names = "--corrections-from", paramLabel = "OLD_DB", description = "Take the category choices you made in "
            + "another library (its H2 file), with the categories they name, before importing: for photos moving to a "
            + "new library, say for another model variant.")
    Path correctionsFrom;

    OrganizeCommand(CliServices services) {
        this.services = services;
    }

    private void carryCorrections(PrintWriter err) {
        try (CliServices.SortingSession session = services.openSorting(library.location(), List.of())) {
            CorrectionsTaken done = session.corrections().carryFrom(correctionsFrom, LabelCommand.SET_BY);
            err.printf("Took %d corrections from %s (%d categories added).%n", done.corrections(), correctionsFrom,
                    done.categoriesAdded());
            err.flush();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        clustering.check(); // the settings are read later, while the library opens
        if (views != null && (views < 1 || views > 16)) {
            throw new UserException("--views must be between 1 and 16.");
        }
        refuseMissing(paths);
        if (correctionsFrom != null) {
            carryCorrections(err);
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        try (InterruptSignals signals = new InterruptSignals(() -> {
                 cancelled.set(true);
                 err.println();
                 err.println("Stopping after the images in flight (press Ctrl-C again to quit at once)...");
                 err.flush();
             });
             LibraryImport folderImport = services.openImport(library.location(), this::clusterSettings, modelDirs, precision,
                     views, adaptiveTta ? Boolean.TRUE : null)) {
            ImportSummary summary;
            try (ProgressReporter progress = new ProgressReporter(ConsoleBars.images(System.err, "Importing"), verbose)) {
                summary = folderImport.organize(paths, progress, cancelled::get);
            }
            new ImportSummaryPrinter(new DisplayPaths(paths), verbose).print(summary, err);
            if (report != null) {
                JsonOutput.write(ImportReport.of(summary), report);
                err.println("Wrote " + report.toAbsolutePath());
            }
            if (summary.cancelled()) {
                return 130;
            }
            OrganizedTree tree = folderImport.library().queries().sortedTree();
            TreePrinter.print(tree, out);
            if (json != null) {
                JsonOutput.write(tree.objects(), json);
                err.println("Wrote " + json.toAbsolutePath());
            }
            return 0;
        }
    }

    private ClusterSettings clusterSettings() {
        return clustering.resolve(services);
    }

    /** A PATH that does not exist is a mistake in the command, found before the library or the model is opened. */
    static void refuseMissing(List<Path> paths) {
        List<String> missing = paths.stream().filter(p -> !Files.exists(p)).map(Path::toString).toList();
        if (!missing.isEmpty()) {
            throw new UserException("no such file or folder: " + String.join(", ", missing));
        }
    }
}
