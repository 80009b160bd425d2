package org.imageorganizer.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imageorganizer.importer.ImportOptions;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.ml.ModelManifest;
import org.imageorganizer.ml.VariantChooser;

/**
 * The model variants side by side (issue "fast inference"): each variant's own ceiling, the
 * variant {@code --precision auto} chooses on this machine, and the whole import with that choice
 * against the import with fp32, at each number of views, with the cosine of their embeddings on
 * the same photos.
 */
final class VariantsBench {
    /** One variant's ceiling: the best images/s over the batch sizes measured. */
    record Ceiling(String modelId, String engine, String precision, double imagesPerSecond, int batch) {
    }

    /** The import with fp32 and with the auto choice at one number of views. */
    record PipelineComparison(int views, PipelineBench.Result fp32, PipelineBench.Result chosen,
                              PipelineBench.Agreement agreement, double chosenCeiling) {
        double speedUp() {
            return chosen.imagesPerSecond() / fp32.imagesPerSecond();
        }

        double ofCeiling() {
            return chosen.imagesPerSecond() / (chosenCeiling / views);
        }
    }

    /** Everything the run measured. */
    record Result(List<Ceiling> ceilings, VariantChooser.Choice choice, List<PipelineComparison> pipelines) {
    }

    private final BenchServices services;
    private final Path photos;
    private final Path workDir;
    private final double ceilingSeconds;
    private final int callers;
    private final int repeat;

    /** @param repeat imports per variant and number of views; the median one is reported */
    VariantsBench(BenchServices services, Path photos, Path workDir, double ceilingSeconds, int callers, int repeat) {
        this.services = services;
        this.photos = photos;
        this.workDir = workDir;
        this.ceilingSeconds = ceilingSeconds;
        this.callers = callers;
        this.repeat = Math.max(1, repeat);
    }

    Result run(List<Path> modelDirs, List<Integer> views, int warmUp, ImportOptions options) {
        List<ModelFolder> folders = modelDirs.stream().map(ModelFolder::open).toList();
        List<Ceiling> ceilings = new ArrayList<>();
        for (ModelFolder folder : folders) {
            try (ClipModel model = services.loadModel(folder.directory())) {
                Map<Integer, Double> rates = new ModelCeilingBench(model, ceilingSeconds).run(callers, 8, 16);
                int best = Collections.max(rates.entrySet(), Map.Entry.comparingByValue()).getKey();
                ModelManifest m = folder.manifest();
                ceilings.add(new Ceiling(m.modelId(), m.djlEngine(), m.precision(), rates.get(best), best));
            }
        }
        VariantChooser.Choice choice = VariantChooser.defaults().choose(folders, VariantChooser.Precision.AUTO,
                Optional.empty());
        ModelFolder reference = folders.stream()
                .filter(f -> !f.manifest().usesOnnxRuntime() && f.manifest().precision().equalsIgnoreCase(ModelManifest.FP32))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "the variants benchmark needs a PyTorch fp32 model folder among --model-dir to compare with"));
        double chosenCeiling = ceilings.get(folders.indexOf(choice.folder())).imagesPerSecond();
        // one model in memory at a time, as in a real import: fp32's runs first, then the chosen variant's
        Map<Integer, PipelineBench.Result> fp32Runs = runs(reference, views, warmUp, options);
        Map<Integer, PipelineBench.Result> chosenRuns = runs(choice.folder(), views, warmUp, options);
        List<PipelineComparison> pipelines = new ArrayList<>();
        for (int n : views) {
            PipelineBench.Result a = fp32Runs.get(n);
            PipelineBench.Result b = chosenRuns.get(n);
            pipelines.add(new PipelineComparison(n, a, b, PipelineBench.compare(a.database(), b.database()), chosenCeiling));
        }
        return new Result(ceilings, choice, pipelines);
    }

    private Map<Integer, PipelineBench.Result> runs(ModelFolder folder, List<Integer> views, int warmUp,
                                                    ImportOptions options) {
        Map<Integer, PipelineBench.Result> results = new java.util.LinkedHashMap<>();
        try (ClipModel model = services.loadModel(folder.directory())) {
            PipelineBench pipeline = new PipelineBench(services, model, photos, workDir);
            pipeline.warmUp(warmUp, options);
            for (int n : views) {
                List<PipelineBench.Result> repeats = new ArrayList<>();
                for (int i = 0; i < repeat; i++) {
                    repeats.add(pipeline.run(n, options));
                }
                repeats.sort(java.util.Comparator.comparingDouble(PipelineBench.Result::imagesPerSecond));
                results.put(n, repeats.get(repeats.size() / 2)); // the median run
            }
        }
        return results;
    }
}
