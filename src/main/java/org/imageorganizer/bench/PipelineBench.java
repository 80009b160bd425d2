package org.imageorganizer.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.imageorganizer.model.ImportListener;
import org.imageorganizer.importer.ImportOptions;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.store.LibraryDatabase;

/** The whole import (walk, hash, decode, TTA, inference, classification, database) on a folder of photos. */
final class PipelineBench {
    private final BenchServices services;
    private final ClipModel model;
    private final Path photos;
    private final Path workDir;

    PipelineBench(BenchServices services, ClipModel model, Path photos, Path workDir) {
        this.services = services;
        this.model = model;
        this.photos = photos;
        this.workDir = workDir;
    }

    /** Result of one import: images imported per second, and the summary. */
    record Result(double imagesPerSecond, ImportSummary summary, double cpuBusy, Path database) {
    }

    /**
     * How two imports of the same photos differ: share of images with another label, mean and lowest
     * cosine of their embeddings.
     */
    record Agreement(double labelsDiffer, double meanCosine, double minCosine, int images) {
    }

    static Agreement compare(Path first, Path second) {
        try (LibraryDatabase a = LibraryDatabase.open(first); LibraryDatabase b = LibraryDatabase.open(second)) {
            int differ = 0;
            int count = 0;
            double cosine = 0;
            double lowest = 1;
            for (var record : a.images().list(0, Integer.MAX_VALUE)) {
                var other = b.images().findBySha256(record.sha256());
                if (other.isEmpty()) {
                    continue;
                }
                count++;
                if (!record.classification().object().name().equals(other.get().classification().object().name())
                        || !record.classification().background().name().equals(other.get().classification().background().name())) {
                    differ++;
                }
                float[] x = a.images().embeddingOf(record.id()).orElseThrow();
                float[] y = b.images().embeddingOf(other.get().id()).orElseThrow();
                double dot = 0;
                for (int d = 0; d < x.length; d++) {
                    dot += x[d] * y[d];
                }
                cosine += dot;
                lowest = Math.min(lowest, dot);
            }
            return new Agreement(count == 0 ? 0 : differ / (double) count, count == 0 ? 0 : cosine / count,
                    count == 0 ? 0 : lowest, count);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * Imports a few photos once, untimed, so that the measured runs see compiled code, as the bulk
     * of a long import does (the JIT needs a few hundred milliseconds of work).
     */
    void warmUp(int count, ImportOptions options) {
        try {
            Path subset = Files.createTempDirectory(workDir, "warm-up-");
            try (var files = Files.list(photos)) {
                for (Path photo : files.sorted().limit(count).toList()) {
                    Files.copy(photo, subset.resolve(photo.getFileName()));
                }
            }
            run(subset, 3, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result run(int views, ImportOptions options) {
        return run(photos, views, options);
    }

    private Result run(Path folder, int views, ImportOptions options) {
        Path db;
        try {
            db = Files.createTempDirectory(workDir, "pipeline-").resolve("library");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (LibraryDatabase library = LibraryDatabase.open(db)) {
            var pipeline = services.pipeline(model, library, views, options);
            long cpuBefore = processCpuNanos();
            ImportSummary summary = pipeline.run(List.of(folder), ImportListener.NONE, () -> false);
            double cpuBusy = (processCpuNanos() - cpuBefore)
                    / (double) (summary.elapsed().toNanos() * Runtime.getRuntime().availableProcessors());
            if (!summary.failures().isEmpty()) {
                throw new IllegalStateException("benchmark photos failed to import: " + summary.failures());
            }
            return new Result(summary.imported() / (summary.elapsed().toNanos() / 1e9), summary, cpuBusy, db);
        }
    }
}
