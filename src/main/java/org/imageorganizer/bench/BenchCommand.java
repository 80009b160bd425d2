package org.imageorganizer.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.imageorganizer.bench.startup.JarRunner;
import org.imageorganizer.model.ClusterAlgorithm;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.importer.ImportOptions;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.FewShotReferences;
import org.imageorganizer.search.HnswSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench}: the benchmark suite of BENCHMARKS.md, in one run, printed as tables with their targets. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the model ceiling, the import pipeline, clustering at scale, import memory, REST latency, "
                + "the start-up of whole processes and search in synthetic libraries.")
public final class BenchCommand implements Callable<Integer> {
    private final BenchServices services;

    @Spec
    CommandSpec spec;

    @Option(names = "--model-dir", paramLabel = "DIR", description = "Model folder (e.g. from "
            + "scripts/make_bench_model.py). Repeat it with one folder per variant to compare them (the first is the one "
            + "the other parts use; one must be PyTorch fp32). Needed by every part but clustering and search; with search, each folder's text encoder is timed too.")
    List<Path> modelDirs;

    @Option(names = "--photos", paramLabel = "DIR", description = "Benchmark photos (scripts/make_bench_photos.py). "
            + "Needed by every part but clustering and search.")
    Path photos;

    @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder (default: a new temporary folder).")
    Path work;

    @Option(names = "--ceiling-seconds", defaultValue = "6", description = "Seconds per batch size for the model ceiling.")
    double ceilingSeconds;

    @Option(names = "--cluster-sizes", split = ",", defaultValue = "1000,10000,50000,100000", description = "Library sizes for clustering.")
    List<Integer> clusterSizes;

    @Option(names = "--rss-images", defaultValue = "2000", description = "Images in the memory run (0 skips it).")
    int rssImages;

    @Option(names = "--ceiling-callers", defaultValue = "2", description = "Threads calling the model at once for the ceiling.")
    int ceilingCallers;

    @Option(names = "--decode-workers", description = "Override the pipeline's decode workers.")
    Integer decodeWorkers;

    @Option(names = "--inference-threads", description = "Override the pipeline's inference threads.")
    Integer inferenceThreads;

    @Option(names = "--batch", description = "Override the pipeline's images per model call.")
    Integer batch;

    @Option(names = "--views", split = ",", defaultValue = "1,3", description = "Views of the pipeline runs.")
    List<Integer> pipelineViews;

    @Option(names = "--warm-up", defaultValue = "24", paramLabel = "N",
            description = "Photos imported once, untimed, before the pipeline runs, so that they measure compiled code.")
    int warmUpPhotos;

    @Option(names = "--rest-images", defaultValue = "10000", description = "Images in the REST latency run's library.")
    int restImages;

    @Option(names = "--rest-requests", defaultValue = "1000", description = "Timed requests per REST request type and client count.")
    int restRequests;

    @Option(names = "--rest-warm-up", defaultValue = "200", paramLabel = "N", description = "Untimed requests per REST request type first.")
    int restWarmUp;

    @Option(names = "--rest-clients", defaultValue = "4", description = "Clients calling at once in the concurrent REST runs (1: sequential only).")
    int restClients;

    @Option(names = "--rest-uploaders", defaultValue = "16", paramLabel = "N",
            description = "Clients uploading photos during the REST run under uploads (0 skips that run).")
    int restUploaders;

    @Option(names = "--rest-upload-reads", defaultValue = "500", paramLabel = "N",
            description = "Timed requests per read endpoint while the clients upload.")
    int restUploadReads;

    @Option(names = "--rest-upload-pause-ms", defaultValue = "50", paramLabel = "MS",
            description = "Each reader's pause between an answer and its next request while the clients upload (0: back to back).")
    int restUploadPauseMs;

    @Option(names = "--variant-repeats", defaultValue = "3", paramLabel = "N",
            description = "Imports per variant and number of views in the variants part; the median is reported.")
    int variantRepeats;

    @Option(names = "--startup-runs", defaultValue = "3", paramLabel = "N",
            description = "Runs of each process in the start-up part; the median is reported.")
    int startupRuns;

    @Option(names = "--startup-images", defaultValue = "10000", paramLabel = "N",
            description = "Images in the library of the start-up part's tree, list and export.")
    int startupImages;

    @Option(names = "--startup-imported", defaultValue = "1000", paramLabel = "N",
            description = "Photos of the already-imported folder the start-up part organizes again.")
    int startupImported;

    @Option(names = "--startup-new", defaultValue = "48", paramLabel = "N",
            description = "New photos of the start-up part's organize runs timed to their first commit.")
    int startupNew;

    @Option(names = "--jar", paramLabel = "FILE", description = "The jar whose processes the start-up part times "
            + "(default: the jar running the bench, else target/image-organizer.jar).")
    Path jar;

    @Option(names = "--search-sizes", split = ",", defaultValue = "10000,100000", paramLabel = "N,…",
            description = "Library sizes of the search part: exact search up to 100000, the approximate index above "
                    + "(add 1000000 for the 1M run: its index takes minutes to build).")
    List<Integer> searchSizes;

    @Option(names = "--search-data", split = ",", defaultValue = "clustered,uniform", paramLabel = "KIND,…",
            description = "Synthetic embeddings of the search part: clustered (like photos'), uniform (random unit vectors).")
    List<String> searchData;

    @Option(names = "--search-queries", defaultValue = "200", paramLabel = "N",
            description = "Timed queries per query kind in the search part (as many untimed first); also the recall queries.")
    int searchQueries;

    @Option(names = "--search-candidates", paramLabel = "N",
            description = "Candidates an approximate search keeps (HNSW's ef; default: the index's own).")
    Integer searchCandidates;

    @Option(names = "--search-reuse-index", description = "Reopen the approximate indexes an earlier search run left "
            + "in --work instead of building them again (to time queries only).")
    boolean searchReuseIndex;

    @Option(names = "--duplicate-sizes", split = ",", defaultValue = "10000,100000",
            description = "Library sizes of the duplicates part (synthetic hashes; an H2 library of each size too).")
    List<Integer> duplicateSizes;

    @Option(names = "--duplicate-checks", defaultValue = "2000",
            description = "Timed near-duplicate checks (and H2 inserts) per size in the duplicates part (as many untimed first).")
    int duplicateChecks;

    @Option(names = "--duplicate-no-h2", description = "Leave out the duplicates part's H2 libraries (the in-memory figures only).")
    boolean duplicateNoH2;

    @Option(names = "--resort-sizes", split = ",", defaultValue = "100000", description = "Library sizes for the resort part.")
    List<Integer> resortSizes;

    @Option(names = "--learning-manifest", paramLabel = "FILE", description = "The learning part's photos by source "
            + "picture (scripts/make_bench_photos.py --manifest); with --model-dir and --photos, the part measures the "
            + "model's embeddings of those photos too, else synthetic embeddings only.")
    Path learningManifest;

    @Option(names = "--learning-seeds", defaultValue = "10", paramLabel = "N",
            description = "Synthetic data sets (and runs on the photos) of the learning part.")
    int learningSeeds;

    @Option(names = "--learning-weights", split = ",", paramLabel = "P,N,K", description = "Learning weights to measure "
            + "instead of the product's: positive, negative, prior count (FewShotReferences.Weights).")
    List<Double> learningWeights;

    @Option(names = "--only", split = ",", description = "Run only these parts: ceiling, pipeline, variants, clustering, "
            + "rss, rest, startup, search, duplicates, resort, learning.")
    List<String> only;

    public BenchCommand(BenchServices services) {
        this.services = services;
    }

    private boolean wanted(String part) {
        return only == null || only.contains(part);
    }

    private ImportOptions pipelineOptions() {
        ImportOptions options = ImportOptions.defaults();
        if (decodeWorkers != null) {
            options = options.withDecodeWorkers(decodeWorkers);
        }
        if (inferenceThreads != null) {
            options = options.withInferenceThreads(inferenceThreads);
        }
        if (batch != null) {
            options = options.withBatchImages(batch);
        }
        return options;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (restImages < 1 || restRequests < 1 || restWarmUp < 0 || restClients < 1 || restUploaders < 0 || restUploadReads < 1
                || restUploadPauseMs < 0 || startupRuns < 1 || startupImages < 1 || startupImported < 1 || startupNew < 1) {
            throw new ParameterException(spec.commandLine(), "--rest-images, --rest-requests, --rest-clients and "
                    + "--rest-upload-reads and the --startup-… counts must be at least 1, --rest-warm-up, --rest-uploaders and --rest-upload-pause-ms at least 0.");
        }
        boolean needsModel = Stream.of("ceiling", "pipeline", "variants", "rss", "rest", "startup").anyMatch(this::wanted);
        if (needsModel && (modelDirs == null || modelDirs.isEmpty() || photos == null)) {
            throw new ParameterException(spec.commandLine(), "--model-dir and --photos are needed by every part but "
                    + "clustering, search and duplicates (or choose those with --only clustering,search,duplicates).");
        }
        if (searchQueries < 1 || searchSizes.stream().anyMatch(n -> n < SearchBench.MIN_PHOTOS)
                || (searchCandidates != null && searchCandidates < 1)) {
            throw new ParameterException(spec.commandLine(), "--search-queries and --search-candidates must be at least 1, "
                    + "--search-sizes at least " + SearchBench.MIN_PHOTOS + ".");
        }
        List<SearchLibrary.Kind> kinds = searchKinds();
        PrintWriter out = spec.commandLine().getOut();
        Path workDir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("image-organizer-bench-");
        BenchReport report = new BenchReport(out);
        Path modelDir = modelDirs == null || modelDirs.isEmpty() ? null : modelDirs.get(0);
        report.header(modelDir, photos);
        if (wanted("ceiling") || wanted("pipeline")) {
            modelParts(report, modelDir, workDir);
        }
        if (wanted("variants") && modelDirs.size() > 1) {
            report.variants(new VariantsBench(services, photos, workDir, ceilingSeconds, ceilingCallers, variantRepeats)
                    .run(modelDirs, pipelineViews, warmUpPhotos, pipelineOptions()));
        }
        if (wanted("clustering")) {
            ClusteringBench clustering = new ClusteringBench();
            report.clusteringHeader();
            List<ClusteringBench.Result> rows = new ArrayList<>();
            for (int size : clusterSizes) {
                rows.add(clustering.run(size, ClusterSettings.defaults()));
                rows.add(clustering.run(size, ClusterSettings.defaults().withAlgorithm(ClusterAlgorithm.KMEANS)));
                report.clustering(rows);
                rows.clear();
            }
        }
        if (wanted("rss") && rssImages > 0 && RssBench.supported()) {
            RssBench rss = new RssBench(workDir);
            List<RssBench.Result> rows = new ArrayList<>();
            for (int count : new int[] {Math.max(1, rssImages / 4), rssImages}) {
                rows.add(rss.run(rss.distinctCopies(photos, count), modelDir, 1, List.of()));
            }
            report.rss(rows);
        }
        if (wanted("rest")) {
            RestLatencyBench.UploadRun uploads = new RestLatencyBench.UploadRun(photos, restUploaders, restUploadReads,
                    Duration.ofMillis(restUploadPauseMs));
            report.rest(new RestLatencyBench(services, workDir, modelDir).run(restImages, restWarmUp, restRequests, restClients,
                    uploads));
        }
        if (wanted("startup")) {
            startupPart(report, workDir, out);
        }
        if (wanted("search")) {
            searchPart(report, workDir, kinds);
        }
        if (wanted("resort")) {
            List<ResortBench.Result> rows = new ArrayList<>();
            for (int size : resortSizes.stream().sorted().toList()) {
                rows.add(ResortBench.run(workDir, size, services::clusterer));
            }
            ResortBench.print(out, rows);
        }
        if (wanted("duplicates")) {
            DuplicatesBench duplicates = new DuplicatesBench(workDir, Math.max(1, duplicateChecks));
            List<DuplicatesBench.Result> rows = new ArrayList<>();
            for (int size : duplicateSizes.stream().sorted().toList()) {
                rows.add(duplicates.run(size, !duplicateNoH2));
            }
            DuplicatesBench.print(out, rows);
        }
        if (wanted("learning")) {
            learningPart(out, modelDir);
        }
        out.flush();
        return 0;
    }

    /** The learning part: synthetic embeddings, then the bench photos when a model and a manifest are given. */
    private void learningPart(PrintWriter out, Path modelDir) throws IOException {
        if (learningSeeds < 1 || (learningWeights != null && learningWeights.size() != 3)) {
            throw new ParameterException(spec.commandLine(), "--learning-seeds must be at least 1 and --learning-weights "
                    + "takes three numbers.");
        }
        FewShotReferences.Weights weights = learningWeights == null ? FewShotReferences.Weights.defaults()
                : new FewShotReferences.Weights(learningWeights.get(0), learningWeights.get(1), learningWeights.get(2));
        List<LearningData> synthetic = new ArrayList<>();
        for (int seed = 1; seed <= learningSeeds; seed++) {
            synthetic.add(LearningData.synthetic(12, 200, seed));
        }
        List<LearningBench.Row> rows = new ArrayList<>();
        for (LearningBench.Method method : LearningBench.methods(weights)) {
            rows.add(LearningBench.summarise("synthetic, 12 categories", method, synthetic, 1000));
        }
        if (modelDir != null && photos != null && learningManifest != null) {
            try (ClipModel model = services.loadModel(modelDir)) {
                LearningData data = LearningPhotos.load(model, photos, learningManifest);
                String name = "bench photos, " + data.names().size() + " source pictures";
                for (LearningBench.Method method : LearningBench.methods(weights)) {
                    rows.add(LearningBench.summarise(name, method, java.util.Collections.nCopies(learningSeeds, data), 2000));
                }
            }
        }
        LearningBench.print(out, rows, weights, LearningBench.classifyMillis(100_000, 20), 100_000, 20);
    }

    private List<SearchLibrary.Kind> searchKinds() {
        List<SearchLibrary.Kind> kinds = new ArrayList<>();
        for (String name : searchData) {
            try {
                kinds.add(SearchLibrary.Kind.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--search-data takes clustered and uniform, not " + name + ".");
            }
        }
        return kinds;
    }

    /** The search part: each size with each kind of data, smallest first. */
    private void searchPart(BenchReport report, Path workDir, List<SearchLibrary.Kind> kinds) throws IOException {
        HnswSettings hnsw = HnswSettings.defaults();
        if (searchCandidates != null) {
            hnsw = hnsw.withCandidates(searchCandidates);
        }
        report.searchHeader(searchQueries, hnsw);
        SearchBench bench = new SearchBench(workDir, searchQueries, hnsw, searchReuseIndex);
        for (int size : searchSizes.stream().sorted().toList()) {
            for (SearchLibrary.Kind kind : kinds) {
                report.search(bench.run(kind, size));
            }
        }
        if (modelDirs != null && !modelDirs.isEmpty()) {
            report.queryEncoding(new QueryEncodingBench(services::loadModel, searchQueries).run(modelDirs));
        }
    }

    /** The model ceiling and the import pipeline, on the first model loaded in this process. */
    private void modelParts(BenchReport report, Path modelDir, Path workDir) {
        try (ClipModel model = services.loadModel(modelDir)) {
            Map<Integer, Double> ceiling = new ModelCeilingBench(model, ceilingSeconds).run(ceilingCallers, 1, 3, 8, 16);
            report.ceiling(ceiling);
            if (!wanted("pipeline")) {
                return;
            }
            double best = Collections.max(ceiling.values());
            PipelineBench pipeline = new PipelineBench(services, model, photos, workDir);
            ImportOptions options = pipelineOptions();
            pipeline.warmUp(warmUpPhotos, options);
            List<BenchReport.PipelineRow> rows = new ArrayList<>();
            PipelineBench.Result fullTta = null;
            for (int views : pipelineViews) {
                PipelineBench.Result r = pipeline.run(views, options);
                if (views == 3) {
                    fullTta = r;
                }
                rows.add(new BenchReport.PipelineRow(views + (views == 1 ? " view" : " views"), views, r, best / views,
                        views == 3 ? 0.9 : 0.8));
            }
            if (pipelineViews.contains(3)) {
                PipelineBench.Result adaptive = pipeline.run(3, options.withAdaptiveTta(true));
                rows.add(new BenchReport.PipelineRow("3 views, adaptive", 3, adaptive, best / 3, Double.NaN));
                report.pipeline(rows);
                report.adaptive(PipelineBench.compare(fullTta.database(), adaptive.database()));
            } else {
                report.pipeline(rows);
            }
        }
    }

    /** The start-up part: whole processes of the jar; skipped with a line saying why when there is no jar. */
    private void startupPart(BenchReport report, Path workDir, PrintWriter out) throws IOException, InterruptedException {
        Path codeSource = null;
        try {
            codeSource = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // no code source: only --jar or target/image-organizer.jar
        }
        java.util.Optional<Path> jarFile = JarRunner.locate(jar, codeSource, Path.of(""));
        if (jarFile.isEmpty()) {
            out.printf("## Start-up%n%nskipped: no jar to run (build it with `./mvnw package -DskipTests`, or give --jar)%n%n");
            out.flush();
            return;
        }
        Path folder = StartupBench.folder(workDir);
        JarRunner runner = new JarRunner(JarRunner.currentJava(), jarFile.get(), folder.resolve("home"));
        StartupBench.Settings settings = new StartupBench.Settings(startupRuns, startupImages, startupImported, startupNew,
                modelDirs, photos, System.getenv("DISPLAY"));
        report.startup(new StartupBench(services, runner, folder, spec.commandLine().getErr()).run(settings));
    }
}
