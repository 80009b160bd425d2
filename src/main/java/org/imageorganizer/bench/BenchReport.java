package org.imageorganizer.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imageorganizer.bench.startup.StartupFigure;
import org.imageorganizer.search.HnswSettings;

/** Prints the benchmark results as Markdown tables, each figure with its target. */
final class BenchReport {
    private final PrintWriter out;

    BenchReport(PrintWriter out) {
        this.out = out;
    }

    record PipelineRow(String label, int views, PipelineBench.Result result, double ceilingImagesPerSecond, double target) {
    }

    void header(Path modelDir, Path photos) {
        out.printf("# AI Image Organizer benchmarks%n%n");
        out.printf("- date: %s%n- machine: %s, %d cores, Java %s, max heap %d MB%n- model: %s%n- photos: %s%n%n",
                LocalDate.now(), cpuModel(), Runtime.getRuntime().availableProcessors(), Runtime.version(),
                HeapPeak.maxHeapBytes() / (1 << 20), java.util.Objects.toString(modelDir, "-"), java.util.Objects.toString(photos, "-"));
        out.flush();
    }

    void ceiling(Map<Integer, Double> imagesPerSecond) {
        out.printf("## Model ceiling (get_image_features alone)%n%n| batch | images/s |%n|---:|---:|%n");
        imagesPerSecond.forEach((batch, rate) -> out.printf("| %d | %.2f |%n", batch, rate));
        out.println();
        out.flush();
    }

    void pipeline(List<PipelineRow> rows) {
        out.printf("## Import pipeline (organize: decode, TTA, inference, classification, database)%n%n");
        out.printf("| run | images | images/s | ceiling at these views (images/s) | ratio | target | met | CPU busy |%n");
        out.printf("|---|---:|---:|---:|---:|---:|---|---:|%n");
        for (PipelineRow row : rows) {
            double ratio = row.result().imagesPerSecond() / row.ceilingImagesPerSecond();
            boolean hasTarget = !Double.isNaN(row.target());
            out.printf("| %s | %d | %.2f | %.2f | %.1f%% | %s | %s | %.0f%% |%n", row.label(), row.result().summary().imported(),
                    row.result().imagesPerSecond(), row.ceilingImagesPerSecond(), 100 * ratio,
                    hasTarget ? String.format("≥ %.0f%%", 100 * row.target()) : "-",
                    hasTarget ? (ratio >= row.target() ? "yes" : "NO") : "-", 100 * row.result().cpuBusy());
        }
        out.println();
        out.flush();
    }

    void adaptive(PipelineBench.Agreement agreement) {
        out.printf("Adaptive TTA against full TTA on the same %d photos: labels differ for %.1f%% of them; mean cosine "
                + "between their embeddings %.4f. (With a random-weight model nearly every label is \"other\" and "
                + "every image is uncertain, so only a real model gives meaningful label figures.)%n%n",
                agreement.images(), 100 * agreement.labelsDiffer(), agreement.meanCosine());
        out.flush();
    }

    void variants(VariantsBench.Result result) {
        out.printf("## Model variants%n%n| variant | engine | precision | ceiling (images/s) | batch | × fp32 |%n"
                + "|---|---|---|---:|---:|---:|%n");
        double fp32 = result.ceilings().stream().filter(c -> c.engine().equals("PyTorch") && c.precision().equals("fp32"))
                .mapToDouble(VariantsBench.Ceiling::imagesPerSecond).findFirst().orElse(Double.NaN);
        for (VariantsBench.Ceiling c : result.ceilings()) {
            out.printf("| %s | %s | %s | %.2f | %d | %.2f× |%n", c.modelId(), c.engine(), c.precision(),
                    c.imagesPerSecond(), c.batch(), c.imagesPerSecond() / fp32);
        }
        out.printf("%n--precision auto chose **%s**: %s%n%n", result.choice().folder().manifest().modelId(),
                result.choice().reason());
        out.printf("Each import below is the median of the repeated runs of the same photos (`--variant-repeats`).%n%n");
        out.printf("| views | fp32 import (images/s) | auto import (images/s) | speed-up | target | met "
                + "| auto vs its ceiling | target | met | cosine to fp32 (mean / lowest) | labels differ |%n"
                + "|---:|---:|---:|---:|---|---|---:|---|---|---|---:|%n");
        for (VariantsBench.PipelineComparison p : result.pipelines()) {
            double speedTarget = p.views() == 1 ? 2.0 : p.views() == 3 ? 1.7 : Double.NaN;
            double ceilingTarget = p.views() == 3 ? 0.7 : Double.NaN;
            PipelineBench.Agreement a = p.agreement();
            out.printf("| %d | %.2f | %.2f | %.2f× | %s | %s | %.1f%% | %s | %s | %.4f / %.4f (≥ 0.995: %s) | %.1f%% |%n",
                    p.views(), p.fp32().imagesPerSecond(), p.chosen().imagesPerSecond(), p.speedUp(),
                    target(speedTarget, "≥ %.1f×", speedTarget), met(speedTarget, p.speedUp()), 100 * p.ofCeiling(),
                    target(ceilingTarget, "≥ %.0f%%", 100 * ceilingTarget), met(ceilingTarget, p.ofCeiling()),
                    a.meanCosine(), a.minCosine(), a.minCosine() >= 0.995 ? "yes" : "NO", 100 * a.labelsDiffer());
        }
        out.println();
        out.flush();
    }

    private static String target(double target, String format, double shown) {
        return Double.isNaN(target) ? "-" : String.format(format, shown);
    }

    private static String met(double target, double value) {
        return Double.isNaN(target) ? "-" : value >= target ? "yes" : "NO";
    }

    void clusteringHeader() {
        out.printf("## Sub-clustering a whole library (20 groups, the largest 40%%)%n%n");
        out.printf("| | images | algorithm | time | heap | result | target |%n|---|---:|---|---:|---:|---|---|%n");
        out.flush();
    }

    void clustering(List<ClusteringBench.Result> rows) {
        for (ClusteringBench.Result r : rows) {
            boolean hdbscan = r.algorithm().startsWith("hdbscan");
            String target = hdbscan && r.images() == 10_000 ? (r.seconds() <= 5 ? "≤ 5 s: yes" : "≤ 5 s: NO") : "-";
            out.printf("| clustering | %d | %s | %.2f s | peak heap %d MB | %d clusters, %d noise; matching %.1f ms | %s |%n",
                    r.images(), r.algorithm(), r.seconds(), r.peakHeapBytes() / (1 << 20), r.clusters(), r.noise(),
                    r.matchingMillis(), target);
        }
        out.flush();
    }

    void rss(List<RssBench.Result> rows) {
        out.printf("%n## Memory of a real organize process (1 view)%n%n| images | peak RSS | time | exit | target |%n|---:|---:|---:|---:|---|%n");
        for (RssBench.Result r : rows) {
            double mb = r.peakRssBytes() / 1e6;
            out.printf("| %d | %.0f MB | %.0f s | %d | ≤ 1500 MB: %s |%n", r.images(), mb, r.seconds(), r.exitCode(),
                    mb <= 1500 ? "yes" : "NO");
        }
        out.println();
        out.flush();
    }

    void rest(RestLatencyBench.Result result) {
        RestLibrary.Built library = result.library();
        out.printf("## REST API latency (%d images, clusters up to date)%n%n", library.images());
        out.printf("Library written in %.1f s and clustered in %.1f s; the server on 127.0.0.1, HTTP/1.1 with keep-alive, "
                + "%d untimed requests per request, then the timed ones from 1 client and from several at once.%n%n",
                library.insertSeconds(), library.clusterSeconds(), result.warmUp());
        restRows(result.rows());
        RestLatencyBench.UnderUploads uploads = result.underUploads();
        if (uploads != null) {
            out.printf("### While %d clients upload%n%n", uploads.uploaders());
            out.printf("Each client uploads one photo per request, as fast as the server takes them (every upload a new "
                    + "image through the model); meanwhile one more client per read endpoint, both at once, sends a "
                    + "request " + uploads.pause().toMillis() + " ms after each answer. "
                    + "The library took %.1f images/s meanwhile (%d added in all, %d uploads told to retry later); %s. "
                    + "Load average %s before the uploads, %s after the reads.%n%n", uploads.uploadsPerSecond(),
                    uploads.imagesAdded(), uploads.retried(), uploads.cpu().describe(), uploads.loadBefore(),
                    uploads.loadAfter());
            restRows(uploads.rows());
        }
    }

    private void restRows(List<RestLatencyBench.Row> rows) {
        out.printf("| request | clients | requests | body | median | p90 | p99 | max | requests/s | target | met |%n");
        out.printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|%n");
        for (RestLatencyBench.Row row : rows) {
            Latencies l = row.latencies();
            out.printf("| %s | %d | %d | %.1f KB | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.0f | %s | %s |%n", row.request(),
                    row.clients(), l.count(), row.bodyBytes() / 1024.0, l.medianMs(), l.p90Ms(), l.p99Ms(), l.maxMs(),
                    row.requestsPerSecond(), row.hasTarget() ? String.format("p99 ≤ %.0f ms", row.targetP99Ms()) : "-",
                    row.hasTarget() ? (row.met() ? "yes" : "NO") : "-");
        }
        out.println();
        out.flush();
    }

    void searchHeader(int queries, HnswSettings hnsw) {
        out.printf("## Search, the query embedding given (512 dimensions)%n%n");
        out.printf("Exact int8 scan on two threads up to 100,000 photos, Lucene's HNSW above (maxConn %d, beamWidth %d, "
                + "%d candidates a search, %.0f MB indexing buffer); one client, %d timed queries after as many untimed ones. Uniform data is "
                + "random unit vectors (the hardest case for a graph); clustered data has a low intrinsic dimension "
                + "and clusters, as photos' embeddings do (bench/SearchLibrary).%n%n", hnsw.maxConn(), hnsw.beamWidth(),
                hnsw.candidates(), hnsw.ramBufferMb(), queries);
        out.flush();
    }

    void search(SearchBench.Library l) {
        if (l.approximate()) {
            out.printf("### %s, %,d photos, approximate%n%nthe exact scan answered after %.1f s, the HNSW index was built "
                    + "after %.1f s (%s) and reopened in %.2f s, %.0f MB on disk; recall@10 against the exact scan %.3f "
                    + "(target ≥ 0.95: %s)%n%n", l.data(), l.photos(), l.loadSeconds(), l.buildSeconds(), l.buildCpu(),
                    l.reloadSeconds(), l.heapBytes() / 1e6, l.recallAt10(), l.recallAt10() >= 0.95 ? "yes" : "NO");
        } else {
            double perHundredK = l.matrixBytes() * 100_000.0 / l.photos() / (1 << 20);
            out.printf("### %s, %,d photos, exact%n%nloaded in %.2f s, full reload %.2f s; matrix %.1f MB (%.1f MB per "
                    + "100k, target ≤ 64: %s), heap taken by the load %.1f MB; recall@10 of the int8 scan against float "
                    + "cosines %.3f%n%n", l.data(), l.photos(), l.loadSeconds(), l.reloadSeconds(),
                    l.matrixBytes() / (double) (1 << 20), perHundredK, perHundredK <= 64 ? "yes" : "NO",
                    l.heapBytes() / (double) (1 << 20), l.recallAt10());
        }
        out.printf("| query | median | p90 | p99 | max | CPU per query | target | met |%n"
                + "|---|---:|---:|---:|---:|---:|---|---|%n");
        for (SearchBench.Row row : l.rows()) {
            Latencies t = row.latencies();
            boolean hasTarget = !Double.isNaN(row.targetP99Ms());
            out.printf("| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %s | %s |%n", row.query(), t.medianMs(),
                    t.p90Ms(), t.p99Ms(), t.maxMs(), row.timed().cpuMsPerCall(),
                    hasTarget ? String.format("p99 ≤ %.0f ms", row.targetP99Ms()) : "-",
                    hasTarget ? (t.p99Ms() <= row.targetP99Ms() ? "yes" : "NO") : "-");
        }
        out.println();
        out.flush();
    }

    /** The text encoder per model variant: one new query's three prompts in one batch. */
    void queryEncoding(List<QueryEncodingBench.Row> rows) {
        out.printf("### Text encoding of a new query, per variant%n%nEach query is a text not asked before (a repeated one is "
                + "cached and costs no model call); its three prompts go to the text encoder in one batch.%n%n"
                + "| variant | first query after loading | median | p90 | p99 | max |%n|---|---:|---:|---:|---:|---:|%n");
        for (QueryEncodingBench.Row row : rows) {
            Latencies t = row.latencies();
            out.printf("| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", row.variant(), row.firstMs(), t.medianMs(),
                    t.p90Ms(), t.p99Ms(), t.maxMs());
        }
        out.println();
        out.flush();
    }

    /** The start-up part: a line per figure (what, median of the runs, target, met), then the same as a table. */
    void startup(StartupBench.Result result) {
        double floor = result.floor();
        out.printf("## Start-up (whole processes of %s, median of %d runs; F = `--version` = %.2f s)%n%n", result.jar(),
                result.runs(), floor);
        for (StartupFigure f : result.figures()) {
            out.printf("- %s: %s%n", f.what(), startupLine(f, floor));
        }
        out.printf("%n| what | runs | median | target | limit | met |%n|---|---:|---:|---|---:|---|%n");
        for (StartupFigure f : result.figures()) {
            out.printf("| %s | %d | %s | %s | %s | %s |%n", f.what(), f.measuredRuns(),
                    Double.isNaN(f.median()) ? "-" : String.format(Locale.ROOT, "%.2f s", f.median()),
                    f.target() == null ? "-" : f.target().describe(),
                    f.limit(floor).map(l -> String.format(Locale.ROOT, "%.2f s", l)).orElse("-"), verdict(f, floor));
        }
        out.println();
        result.withArchive().ifPresent(archive -> startupWithArchive(result, archive));
        out.flush();
    }

    /**
     * The same lines with the class-data-sharing archive (ADR 0030) beside the plain ones, each judged
     * against the targets with its own floor.
     */
    private void startupWithArchive(StartupBench.Result plain, StartupBench.Result archive) {
        out.printf("### Start-up with a class-data-sharing archive (ADR 0030; median of %d runs; F = %.2f s)%n%n"
                + "Made as the README says (`java -XX:ArchiveClassesAtExit=FILE -Xlog:cds=off -Xlog:cds+dynamic=off -jar JAR "
                + "cds-training`, no model given, as the Linux packages make theirs); every child then runs with "
                + "`-XX:SharedArchiveFile=FILE -Xlog:cds=off -Xlog:cds+dynamic=off`, in the same rounds as the plain ones.%n%n",
                archive.runs(), archive.floor());
        out.printf("| what | plain | with the archive | change | target | met plain | met with the archive |%n"
                + "|---|---:|---:|---:|---|---|---|%n");
        for (int i = 0; i < plain.figures().size() && i < archive.figures().size(); i++) {
            StartupFigure p = plain.figures().get(i);
            StartupFigure a = archive.figures().get(i);
            double change = a.median() / p.median() - 1;
            String archiveVerdict = a.samples().isEmpty() && a.note().equals(p.note()) ? "″" : verdict(a, archive.floor());
            out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", p.what(), seconds(p.median()), seconds(a.median()),
                    Double.isFinite(change) ? String.format(Locale.ROOT, "%+.0f%%", change * 100) : "-",
                    p.target() == null ? "-" : p.target().describe(), verdict(p, plain.floor()), archiveVerdict);
        }
        out.println();
    }

    private static String seconds(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f s", value);
    }

    /** "1.23 s (median of 3 runs), target ≤ F + 0.5 s = 1.40 s: met", or why there is no figure. */
    static String startupLine(StartupFigure f, double floor) {
        String target = f.target() == null ? "" : ", target " + f.target().describe()
                + (f.target().aboveFloor() ? String.format(Locale.ROOT, " = %.2f s", f.target().limit(floor)) : "");
        int runs = f.samples().size();
        int missing = runs - f.measuredRuns();
        if (runs == 0) {
            return f.note() + target;
        }
        if (missing == runs) {
            return String.format(Locale.ROOT, "no figure in %d runs (%s)", runs, f.note()) + target;
        }
        String figure = String.format(Locale.ROOT, "%.2f s (%s", f.median(), f.measuredRuns() == 1 ? "1 run" : "median of " + f.measuredRuns() + " runs")
                + (missing > 0 ? String.format(Locale.ROOT, "; %d without a figure: %s)", missing, f.note()) : ")");
        return figure + target + (f.target() == null ? "" : ": " + verdict(f, floor));
    }

    private static String verdict(StartupFigure f, double floor) {
        return switch (f.verdict(floor)) {
            case MET -> "met";
            case NOT_MET -> "NOT met";
            case UNKNOWN -> f.samples().isEmpty() ? f.note() : "unknown";
            case NO_TARGET -> "-";
        };
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
