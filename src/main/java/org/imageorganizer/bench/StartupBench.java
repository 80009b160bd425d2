package org.imageorganizer.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imageorganizer.bench.startup.CalibrationTime;
import org.imageorganizer.bench.startup.ClassDataArchive;
import org.imageorganizer.bench.startup.Child;
import org.imageorganizer.bench.startup.CommitTrace;
import org.imageorganizer.bench.startup.HealthProbe;
import org.imageorganizer.bench.startup.JarRunner;
import org.imageorganizer.bench.startup.StartupFigure;
import org.imageorganizer.bench.startup.StartupTarget;
import org.imageorganizer.bench.startup.VariantInfo;
import org.imageorganizer.bench.startup.WindowProbe;

/**
 * The start-up part (issue 16): whole processes of the built jar, launch to exit, each figure the
 * median of a few runs against its target, with {@code --version} timed in the same rounds as the
 * floor F. Every round runs each measurement once, so that the machine's load falls on all of them
 * alike. Before the rounds, untimed: the 10,000-image library, the photo folders (distinct copies of
 * the bench photos), one import of the folder that is later organized again, and one run of each kind
 * (so the native libraries, the model's caches and the settings are those of a returning user).
 * How the first commit is seen from outside: {@link CommitTrace} (ADR 0028).
 */
final class StartupBench {
    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration SERVER_TIMEOUT = Duration.ofMinutes(3);
    private static final StartupTarget READ_ONLY = StartupTarget.floorPlus(0.5);

    /**
     * What to measure on.
     *
     * @param runs           rounds (the median of this many runs is reported)
     * @param libraryImages  images of the library of tree, list and export
     * @param importedPhotos photos of the folder organized again once imported
     * @param newPhotos      new photos of the organize runs timed to their first commit
     * @param modelDirs      the model folders: the first (fp32) for everything, int8 ones for the new-photo runs too,
     *                       an ONNX int8 one with the first for {@code --precision auto}
     * @param photos         the bench photos (copies are made distinct)
     * @param display        the X display, or null
     */
    record Settings(int runs, int libraryImages, int importedPhotos, int newPhotos, List<Path> modelDirs, Path photos,
                    String display) {
    }

    /**
     * The floor's median and every line in order; the floor is the first line. {@code withArchive}: the same
     * lines with a class-data-sharing archive (ADR 0030), when one was made.
     */
    record Result(Path jar, int runs, double floor, List<StartupFigure> figures, Optional<Result> withArchive) {
        Result(Path jar, int runs, double floor, List<StartupFigure> figures) {
            this(jar, runs, floor, figures, Optional.empty());
        }
    }

    /** One round of every measurement, run by one runner into one set of samples. */
    private record Pass(int round, JarRunner runner, Map<String, List<Double>> samples, String label) {
    }

    private final BenchServices services;
    private final JarRunner plain;
    /** The runner of the pass under way: plain {@code java -jar}, or with the class-data archive. */
    private JarRunner runner;
    private final Path dir;
    private final PrintWriter progress;
    private int runNumber;

    /** @param progress where to say what runs (stderr), so that a long run shows it is alive */
    StartupBench(BenchServices services, JarRunner runner, Path dir, PrintWriter progress) {
        this.services = services;
        this.plain = runner;
        this.runner = runner;
        this.dir = dir;
        this.progress = progress;
    }

    Result run(Settings s) throws IOException, InterruptedException {
        VariantInfo main = VariantInfo.read(s.modelDirs().get(0));
        List<VariantInfo> newPhotoModels = new ArrayList<>(List.of(main));
        Optional<VariantInfo> onnxInt8 = Optional.empty();
        for (Path extra : s.modelDirs().subList(1, s.modelDirs().size())) {
            VariantInfo v = VariantInfo.read(extra);
            if (v.precision().equals("int8")) {
                newPhotoModels.add(v);
                if (v.onnx() && onnxInt8.isEmpty()) {
                    onnxInt8 = Optional.of(v);
                }
            }
        }
        say("building the %,d-image library and the photo folders", s.libraryImages());
        Files.createDirectories(dir.resolve("read-only"));
        Files.createDirectories(dir.resolve("imported"));
        Files.createDirectories(dir.resolve("serve"));
        Path readOnly = RestLibrary.build(dir.resolve("read-only").resolve("library.mv.db"), s.libraryImages(), 7,
                services::clusterer).database();
        RssBench copies = new RssBench(dir);
        Path importedFolder = copies.distinctCopies(s.photos(), s.importedPhotos());
        Path newFolder = copies.distinctCopies(s.photos(), s.newPhotos());
        Path onePhoto = copies.distinctCopies(s.photos(), 1);
        Path importedLibrary = dir.resolve("imported").resolve("library.mv.db");
        Path serveLibrary = dir.resolve("serve").resolve("library.mv.db");
        String model = main.directory().toString();

        say("warming up: one untimed run of each kind, and the import of the %,d photos", s.importedPhotos());
        timed("--version");
        for (VariantInfo v : newPhotoModels) {
            organizeNew(newFolder, v);
        }
        timed("organize", importedFolder.toString(), "--db", importedLibrary.toString(), "--model-dir", model, "--views", "1");
        serve(serveLibrary, model);
        String windowReason = WindowProbe.unavailableReason(s.display());
        if (windowReason == null) {
            // the window opens the default library of the children's home: give it the new photos, and their thumbnails
            timed("organize", newFolder.toString(), "--model-dir", model, "--views", "1");
            window(model);
        }

        say("making a class-data-sharing archive as the README says (a training run)");
        JarRunner archived = ClassDataArchive.train(plain, nextRun(), CHILD_TIMEOUT); // and its first use, untimed
        Map<String, List<Double>> plainSamples = new LinkedHashMap<>();
        Map<String, List<Double>> archiveSamples = new LinkedHashMap<>();
        for (Pass pass : passes(s.runs(), archiveRuns(s.runs()), archived, plainSamples, archiveSamples)) {
            runner = pass.runner();
            Map<String, List<Double>> samples = pass.samples();
            int round = pass.round();
            say("round %d of %d%s", round, s.runs(), pass.label());
            add(samples, "floor", timed("--version"));
            add(samples, "tree", timed("tree", "--db", readOnly.toString()));
            add(samples, "list", timed("list", "--db", readOnly.toString()));
            add(samples, "export", timed("export", dir.resolve("export-" + round).toString(), "--db", readOnly.toString(),
                    "--dry-run"));
            add(samples, "reorganize", timed("organize", importedFolder.toString(), "--db", importedLibrary.toString(),
                    "--model-dir", model, "--views", "1"));
            for (VariantInfo v : newPhotoModels) {
                NewPhotos n = organizeNew(newFolder, v);
                add(samples, "new-first " + v.directory(), n.firstCommit());
                add(samples, "new-exit " + v.directory(), n.exitAfterLastCommit());
                add(samples, "new-whole " + v.directory(), n.whole());
            }
            if (onnxInt8.isPresent()) {
                add(samples, "calibration", calibration(onePhoto, main, onnxInt8.get()));
            }
            if (windowReason == null) {
                WindowProbe.Result w = window(model);
                add(samples, "window-any", w.anything());
                add(samples, "window-main", w.main());
                add(samples, "window-shown", w.shown());
            }
            HealthProbe.Result h = serve(serveLibrary, model);
            add(samples, "health", h.answered());
            add(samples, "ready", h.ready());
        }
        runner = plain;
        List<StartupFigure> plainFigures = figures(s, plainSamples, main, newPhotoModels, onnxInt8, windowReason);
        List<StartupFigure> archiveFigures = figures(s, archiveSamples, main, newPhotoModels, onnxInt8, windowReason);
        Result withArchive = new Result(runner.jar(), archiveRuns(s.runs()), archiveFigures.get(0).median(), archiveFigures);
        return new Result(runner.jar(), s.runs(), plainFigures.get(0).median(), plainFigures, Optional.of(withArchive));
    }

    /**
     * Each round's passes: plain {@code java -jar}, then, in the first {@code archiveRuns} rounds, with the
     * class-data archive right after it, so that both meet the same load.
     */
    private List<Pass> passes(int runs, int archiveRuns, JarRunner archived, Map<String, List<Double>> plainSamples,
            Map<String, List<Double>> archiveSamples) {
        List<Pass> passes = new ArrayList<>();
        for (int round = 1; round <= runs; round++) {
            passes.add(new Pass(round, plain, plainSamples, ""));
            if (round <= archiveRuns) {
                passes.add(new Pass(round, archived, archiveSamples, ", with the class-data archive"));
            }
        }
        return passes;
    }

    /** Rounds with the class-data archive: about half as many as plain ones, to keep the part short. */
    static int archiveRuns(int runs) {
        return (runs + 1) / 2;
    }

    /** The lines of one set of samples, in order; the floor first. */
    private List<StartupFigure> figures(Settings s, Map<String, List<Double>> samples, VariantInfo main,
            List<VariantInfo> newPhotoModels, Optional<VariantInfo> onnxInt8, String windowReason) {
        List<StartupFigure> figures = new ArrayList<>();
        String library = String.format(Locale.ROOT, "%,d images", s.libraryImages());
        figures.add(new StartupFigure("`--version` (the floor F)", samples.get("floor"), null, ""));
        figures.add(new StartupFigure("`tree` (" + library + ")", samples.get("tree"), READ_ONLY, ""));
        figures.add(new StartupFigure("`list` (" + library + ")", samples.get("list"), READ_ONLY, ""));
        figures.add(new StartupFigure("`export --dry-run` (" + library + ")", samples.get("export"), READ_ONLY, ""));
        figures.add(new StartupFigure(String.format(Locale.ROOT, "`organize` of an already-imported folder (%,d photos)",
                s.importedPhotos()), samples.get("reorganize"), StartupTarget.floorPlus(1.0), ""));
        for (VariantInfo v : newPhotoModels) {
            String what = "`organize` of " + s.newPhotos() + " new photos, " + v.label();
            String missing = "no commit seen in the H2 trace of the child's log";
            figures.add(new StartupFigure(what + ": first photo committed", samples.get("new-first " + v.directory()),
                    StartupTarget.within(2.5), missing));
            figures.add(new StartupFigure(what + ": exit after the last commit", samples.get("new-exit " + v.directory()),
                    StartupTarget.within(0.5), missing));
            figures.add(new StartupFigure(what + ": whole process", samples.get("new-whole " + v.directory()), null, ""));
        }
        String auto = "`--precision auto`, new library: calibration";
        figures.add(onnxInt8.isPresent()
                ? new StartupFigure(auto + " (" + main.modelId() + " and " + onnxInt8.get().modelId() + ")",
                        samples.get("calibration"), StartupTarget.within(5), "no calibration seen on stderr")
                : StartupFigure.skipped(auto, StartupTarget.within(5), "skipped: give an ONNX int8 variant as another --model-dir"));
        if (windowReason == null) {
            figures.add(new StartupFigure("window: something on screen", samples.get("window-any"), StartupTarget.within(0.5),
                    "no new window seen"));
            figures.add(new StartupFigure("window: main window", samples.get("window-main"), StartupTarget.within(2.5),
                    "the window with the title did not show"));
            figures.add(new StartupFigure(String.format(Locale.ROOT, "window: tree and first thumbnails (%d photos)",
                    s.newPhotos()), samples.get("window-shown"), StartupTarget.within(4), "the window's log never said so"));
        } else {
            figures.add(StartupFigure.skipped("window: something on screen", StartupTarget.within(0.5), windowReason));
            figures.add(StartupFigure.skipped("window: main window", StartupTarget.within(2.5), windowReason));
            figures.add(StartupFigure.skipped("window: tree and first thumbnails", StartupTarget.within(4), windowReason));
        }
        figures.add(new StartupFigure("`serve`: `/health` answers", samples.get("health"), StartupTarget.floorPlus(1.0),
                "no answer"));
        figures.add(new StartupFigure("`serve`: ready (200)", samples.get("ready"), StartupTarget.within(4), "never ready"));
        return figures;
    }

    /** Seconds from launch to exit of {@code java -jar JAR ARGS}, which must succeed. */
    private double timed(String... args) {
        try (Child child = runner.start(nextRun(), List.of(), List.of(args))) {
            return child.awaitSuccess(CHILD_TIMEOUT).seconds();
        }
    }

    /** One new-photo run's figures, in seconds; NaN where the trace showed no commit. */
    private record NewPhotos(double firstCommit, double exitAfterLastCommit, double whole) {
    }

    /** {@code organize} of the new photos into a new library, with the H2 trace on to see the commits. */
    private NewPhotos organizeNew(Path folder, VariantInfo model) throws IOException {
        Path run = Files.createDirectories(nextRun());
        Path logback = run.resolve("logback.xml");
        Files.writeString(logback, CommitTrace.LOGBACK_XML);
        List<String> jvm = List.of("-Dlogback.configurationFile=" + logback, "-Dimageorganizer.logdir=" + run);
        try (Child child = runner.start(run, jvm, List.of("organize", folder.toString(), "--db",
                run.resolve("library.mv.db").toString(), "--model-dir", model.directory().toString(), "--views", "1"))) {
            Child.Exit exit = child.awaitSuccess(CHILD_TIMEOUT);
            Optional<CommitTrace.Commits> commits = CommitTrace.read(run.resolve(CommitTrace.LOG_FILE));
            return commits.map(c -> new NewPhotos(child.secondsAt(c.firstMillis()),
                            exit.seconds() - child.secondsAt(c.lastMillis()), exit.seconds()))
                    .orElse(new NewPhotos(Double.NaN, Double.NaN, exit.seconds()));
        }
    }

    /** {@code organize --precision auto} of one photo into a new library with two variants: the calibration's seconds. */
    private double calibration(Path onePhoto, VariantInfo fp32, VariantInfo int8) {
        Path run = nextRun();
        try (Child child = runner.start(run, List.of(), List.of("organize", onePhoto.toString(), "--db",
                run.resolve("library.mv.db").toString(), "--model-dir", fp32.directory().toString(), "--model-dir",
                int8.directory().toString(), "--precision", "auto", "--views", "1"))) {
            return CalibrationTime.of(child.awaitSuccess(CHILD_TIMEOUT).stderr()).orElse(Double.NaN);
        }
    }

    /** {@code serve} on a free port, probed from its launch until ready, then stopped. */
    private HealthProbe.Result serve(Path library, String model) throws IOException, InterruptedException {
        int port = HealthProbe.freePort();
        Path run = nextRun();
        try (Child child = runner.start(run, List.of(), List.of("serve", "--port", String.valueOf(port), "--db",
                library.toString(), "--storage", library.resolveSibling("storage").toString(), "--model-dir", model))) {
            HealthProbe.Result result = new HealthProbe().watch(child, port, SERVER_TIMEOUT);
            if (Double.isNaN(result.ready()) && !child.isAlive()) {
                throw new IllegalStateException("serve exited before it was ready: " + child.tail());
            }
            return result;
        }
    }

    /**
     * The window (no command) on the display, with the model named and its log in the run's folder,
     * until its tree and first thumbnails are on screen; then stopped.
     */
    private WindowProbe.Result window(String model) throws IOException, InterruptedException {
        Set<String> before = WindowProbe.visibleWindows();
        Path run = nextRun();
        try (Child child = runner.start(run, List.of("-Dimageorganizer.logdir=" + run), List.of(),
                Map.of("IMAGE_ORGANIZER_MODEL_DIR", model))) {
            return new WindowProbe().watch(child, before, run.resolve(WindowProbe.LOG_FILE), SERVER_TIMEOUT);
        }
    }

    private Path nextRun() {
        return dir.resolve(String.format(Locale.ROOT, "run-%03d", ++runNumber));
    }

    private static void add(Map<String, List<Double>> samples, String key, double seconds) {
        samples.computeIfAbsent(key, k -> new ArrayList<>()).add(seconds);
    }

    private void say(String format, Object... args) {
        progress.printf("startup: " + format + "%n", args);
        progress.flush();
    }

    /** A new folder for the part under the bench's work folder. */
    static Path folder(Path workDir) {
        try {
            return Files.createTempDirectory(workDir, "startup-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
