package org.imageorganizer.ml;

import org.imageorganizer.model.ModelException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses one of several model folders (variants of the same CLIP model) for a precision:
 * {@code auto} calibrates, {@code fp32}, {@code bf16} or {@code int8} take that precision.
 *
 * <p>Calibration loads each candidate, embeds a fixed set of synthetic images (fixed seed) in
 * batches for a short time, and measures images/s and the lowest cosine of its embeddings to the
 * fp32 PyTorch variant's on the same images. The fastest variant with a lowest cosine of at least
 * {@value #MIN_COSINE} wins. bf16 is a candidate only where the CPU reports native bf16, and even
 * then it is measured (on some CPUs it is slower than fp32 through libtorch).
 *
 * <p>A library records the model id its embeddings belong to; for an existing library
 * {@code auto} takes the variant with that id, without calibrating.
 *
 * <p>A variant whose manifest records a {@link ModelManifest.Quality} (measured on real photos when
 * it was made) with a lowest cosine under {@value #MIN_COSINE} is never chosen by {@code auto}: the
 * synthetic calibration images cannot show what real photos showed.
 */
public final class VariantChooser {
    /** The lowest cosine to fp32 a variant may have to be chosen by {@code auto}. */
    public static final double MIN_COSINE = 0.995;
    private static final Logger LOG = LoggerFactory.getLogger(VariantChooser.class);
    private static final long SEED = 20_260_226L;
    /** The default calibration budget in seconds: the 5 s, less a margin for the last batch. */
    static final int DEFAULT_TOTAL_SECONDS = 4;

    /** What the user asks for. */
    public enum Precision {
        AUTO, FP32, BF16, INT8;

        /**
         * @param value auto, fp32, bf16 or int8 (any case), or null/blank for auto
         * @throws ModelException naming the accepted values
         */
        public static Precision parse(String value) {
            if (value == null || value.isBlank()) {
                return AUTO;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ModelException("The precision must be auto, fp32, bf16 or int8, not \"" + value.strip() + "\".");
            }
        }

        String manifestName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One calibrated variant: images/s and the lowest cosine to the reference (NaN without one). */
    public record Measurement(String modelId, double imagesPerSecond, double minCosine) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %.1f images/s%s", modelId, imagesPerSecond,
                    Double.isNaN(minCosine) ? "" : String.format(Locale.ROOT, ", cosine to fp32 %.5f", minCosine));
        }
    }

    /** The chosen folder, why (one sentence, for the log and stderr), and the figures behind it. */
    public record Choice(ModelFolder folder, String reason, List<Measurement> measurements) {
    }

    private final BooleanSupplier nativeBf16;
    private final Duration budgetPerVariant;
    private final Duration totalBudget;
    private final int batchSize;
    private final int imageCount;

    /**
     * @param nativeBf16       whether the CPU computes bf16 natively (see {@link #cpuHasNativeBf16()})
     * @param budgetPerVariant how long each variant is timed at most (after one warm-up batch)
     * @param batchSize        images per model call while timing
     */
    public VariantChooser(BooleanSupplier nativeBf16, Duration budgetPerVariant, int batchSize) {
        this(nativeBf16, budgetPerVariant, batchSize, null);
    }

    /**
     * @param totalBudget how long the whole calibration should take, loading the variants included:
     *                    each variant is timed for its share of what is left (at most
     *                    {@code budgetPerVariant}, at least one batch); null for no limit
     */
    public VariantChooser(BooleanSupplier nativeBf16, Duration budgetPerVariant, int batchSize, Duration totalBudget) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.nativeBf16 = nativeBf16;
        this.budgetPerVariant = budgetPerVariant;
        this.batchSize = batchSize;
        this.imageCount = batchSize;
        this.totalBudget = totalBudget;
    }

    /**
     * Calibration within about {@value #DEFAULT_TOTAL_SECONDS} s in all (loading included; ADR 0024),
     * at most 1.5 s of timing per variant, bf16 as the CPU says, in batches of {@value #DEFAULT_BATCH}: each
     * variant costs at least a warm-up batch and a timed one whatever the budget, and with a full-size fp32
     * model at about 16 images/s on two cores the importer's 16 made that alone 2 s, so two variants took
     * 5.2–5.6 s (the bench's `--precision auto` figure). Per-image throughput differs little between the two sizes.
     */
    public static VariantChooser defaults() {
        return new VariantChooser(VariantChooser::cpuHasNativeBf16, Duration.ofMillis(1500), DEFAULT_BATCH,
                Duration.ofSeconds(DEFAULT_TOTAL_SECONDS));
    }

    /** Images per model call while calibrating (and synthetic images compared with fp32). */
    static final int DEFAULT_BATCH = 8;

    /** On Linux, whether /proc/cpuinfo lists avx512_bf16 or amx_bf16; elsewhere false. */
    public static boolean cpuHasNativeBf16() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        try {
            return cpuFlagsSayBf16(Files.readString(Path.of("/proc/cpuinfo")));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static boolean cpuFlagsSayBf16(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("flags")) {
                List<String> flags = List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
                return flags.contains("avx512_bf16") || flags.contains("amx_bf16");
            }
        }
        return false;
    }

    /**
     * Chooses among {@code candidates}.
     *
     * @param libraryModelId the model id the library records, empty for a new library
     * @throws ModelException when there is no candidate, or none with the precision asked for
     */
    public Choice choose(List<ModelFolder> candidates, Precision precision, Optional<String> libraryModelId) {
        if (candidates.isEmpty()) {
            throw new ModelException("No model folder to choose from.");
        }
        if (precision != Precision.AUTO) {
            return explicit(candidates, precision);
        }
        if (libraryModelId.isPresent()) {
            for (ModelFolder folder : candidates) {
                if (folder.manifest().modelId().equals(libraryModelId.get())) {
                    return log(new Choice(folder, "auto: the library's embeddings are from " + libraryModelId.get()
                            + ", so that variant is used (no calibration).", List.of()));
                }
            }
            // None matches: the caller's claim refuses with the library's model id and the one found.
            return log(new Choice(preferred(candidates), "auto: no model folder holds the library's variant "
                    + libraryModelId.get() + ".", List.of()));
        }
        return calibrate(candidates);
    }

    private Choice explicit(List<ModelFolder> candidates, Precision precision) {
        List<ModelFolder> matching = candidates.stream()
                .filter(f -> f.manifest().precision().equalsIgnoreCase(precision.manifestName())).toList();
        if (matching.isEmpty()) {
            throw new ModelException("There is no " + precision.manifestName() + " variant of the model: the model folders "
                    + "hold " + describe(candidates) + ". Add one with --model-dir (or IMAGE_ORGANIZER_MODEL_DIR), "
                    + "or use --precision auto.");
        }
        // fp32 and bf16: PyTorch first (fp32 PyTorch is the reference); int8: ONNX Runtime first
        // (MatMulInteger measured faster and closer to fp32 than PyTorch's dynamic quantization, ADR 0013).
        boolean onnxFirst = precision == Precision.INT8;
        ModelFolder chosen = matching.stream()
                .min(Comparator.comparing(f -> f.manifest().usesOnnxRuntime() != onnxFirst)).orElseThrow();
        return log(new Choice(chosen, "precision " + precision.manifestName() + " asked for: using "
                + chosen.manifest().modelId() + " from " + chosen.directory() + ".", List.of()));
    }

    private Choice calibrate(List<ModelFolder> all) {
        long started = System.nanoTime();
        List<String> notes = new ArrayList<>();
        String base = base(all.get(0));
        List<ModelFolder> candidates = new ArrayList<>();
        for (ModelFolder f : all) {
            if (!base(f).equals(base)) {
                notes.add(f.manifest().modelId() + " skipped (another model than " + base + ")");
            } else if (f.manifest().quality() != null && f.manifest().quality().cosineMin() < MIN_COSINE) {
                notes.add(String.format(Locale.ROOT, "%s skipped (its manifest says its lowest cosine to fp32 on %d real "
                        + "photos is %.4f)", f.manifest().modelId(), f.manifest().quality().photos(),
                        f.manifest().quality().cosineMin()));
            } else if (f.manifest().precision().equalsIgnoreCase(ModelManifest.BF16) && !nativeBf16.getAsBoolean()) {
                notes.add(f.manifest().modelId() + " skipped (the CPU reports no native bf16)");
            } else {
                candidates.add(f);
            }
        }
        if (candidates.isEmpty()) {
            throw new ModelException("No usable model variant: " + String.join("; ", notes) + ".");
        }
        if (candidates.size() == 1) {
            ModelFolder only = candidates.get(0);
            return log(new Choice(only, "auto: " + only.manifest().modelId() + " is the only variant"
                    + suffix(notes) + ".", List.of()));
        }
        Optional<ModelFolder> reference = candidates.stream().filter(VariantChooser::isReference).findFirst();
        float[] pixels = syntheticImages(candidates.get(0).manifest(), imageCount);
        float[][] referenceEmbeddings = null;
        List<Measurement> measurements = new ArrayList<>();
        List<ModelFolder> measured = new ArrayList<>();
        List<ModelFolder> ordered = new ArrayList<>(candidates);
        reference.ifPresent(r -> {
            ordered.remove(r);
            ordered.add(0, r);
        });
        for (int i = 0; i < ordered.size(); i++) {
            ModelFolder folder = ordered.get(i);
            float[][] embeddings;
            double perSecond;
            try (ClipModel model = ClipModels.load(folder)) {
                embeddings = normalized(model.embedImages(pixels, imageCount)); // also the warm-up
                perSecond = timeImages(model, pixels, timingBudget(started, ordered.size() - i));
            } catch (RuntimeException e) {
                notes.add(folder.manifest().modelId() + " skipped (" + e.getMessage() + ")");
                continue;
            }
            double cosine = Double.NaN;
            if (reference.isPresent()) {
                if (folder == reference.get()) {
                    referenceEmbeddings = embeddings;
                    cosine = 1.0;
                } else if (referenceEmbeddings != null) {
                    cosine = lowestCosine(embeddings, referenceEmbeddings);
                }
            }
            measurements.add(new Measurement(folder.manifest().modelId(), perSecond, cosine));
            measured.add(folder);
        }
        if (measured.isEmpty()) {
            throw new ModelException("No model variant could be loaded: " + String.join("; ", notes) + ".");
        }
        int best = -1;
        for (int i = 0; i < measured.size(); i++) {
            Measurement m = measurements.get(i);
            boolean closeEnough = referenceEmbeddings == null || m.minCosine() >= MIN_COSINE;
            if (closeEnough && (best < 0 || m.imagesPerSecond() > measurements.get(best).imagesPerSecond())) {
                best = i;
            }
        }
        if (best < 0) { // cannot happen with a reference (its cosine is 1), kept for safety
            best = 0;
        }
        String figures = measurements.stream().map(Measurement::toString).collect(Collectors.joining("; "));
        String why = referenceEmbeddings == null
                ? "the fastest; there is no fp32 PyTorch variant to compare with, so the cosine was not checked"
                : "the fastest with cosine to fp32 >= " + MIN_COSINE;
        ModelFolder chosen = measured.get(best);
        String took = String.format(Locale.ROOT, "; calibrated in %.1f s", (System.nanoTime() - started) / 1e9);
        return log(new Choice(chosen, "auto: " + chosen.manifest().modelId() + " is " + why + " (" + figures + took
                + ")" + suffix(notes) + ".", List.copyOf(measurements)));
    }

    /** The timing share of the next variant: what is left of the total budget over the variants left. */
    private long timingBudget(long started, int variantsLeft) {
        long perVariant = budgetPerVariant.toNanos();
        if (totalBudget == null) {
            return perVariant;
        }
        long left = totalBudget.toNanos() - (System.nanoTime() - started);
        return Math.max(0, Math.min(perVariant, left / variantsLeft));
    }

    /** Images per second over at least one batch after the warm-up, for about {@code budgetNanos}. */
    private double timeImages(ClipModel model, float[] pixels, long budgetNanos) {
        long start = System.nanoTime();
        int images = 0;
        long elapsed;
        do {
            model.embedImages(pixels, batchSize);
            images += batchSize;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budgetNanos);
        return images / (elapsed / 1e9);
    }

    /** The model id without a variant suffix (a manifest may write {@code model_id} with it). */
    private static String base(ModelFolder f) {
        String id = f.manifest().baseModelId();
        int at = id.indexOf('@');
        return at < 0 ? id : id.substring(0, at);
    }

    private static boolean isReference(ModelFolder f) {
        return !f.manifest().usesOnnxRuntime() && f.manifest().precision().equalsIgnoreCase(ModelManifest.FP32);
    }

    private static ModelFolder preferred(List<ModelFolder> candidates) {
        return candidates.stream().filter(VariantChooser::isReference).findFirst().orElse(candidates.get(0));
    }

    private static String suffix(List<String> notes) {
        return notes.isEmpty() ? "" : "; " + String.join("; ", notes);
    }

    private static String describe(List<ModelFolder> candidates) {
        return candidates.stream().map(f -> f.manifest().modelId() + " (" + f.directory() + ")")
                .collect(Collectors.joining(", "));
    }

    private static Choice log(Choice choice) {
        LOG.info("Model variant: {}", choice.reason());
        return choice;
    }

    /**
     * {@code count} smooth synthetic images (colour gradients and a little noise, fixed seed) at the
     * model's input size, normalised as the model expects, channel-first.
     */
    static float[] syntheticImages(ModelManifest manifest, int count) {
        int size = manifest.imageSize();
        float[] mean = manifest.meanArray();
        float[] std = manifest.stdArray();
        Random random = new Random(SEED);
        float[] pixels = new float[count * 3 * size * size];
        int i = 0;
        for (int n = 0; n < count; n++) {
            float[][] corners = new float[3][3];
            for (int c = 0; c < 3; c++) {
                corners[c][0] = random.nextFloat();
                corners[c][1] = random.nextFloat() - corners[c][0];
                corners[c][2] = random.nextFloat() - corners[c][0];
            }
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        float v = corners[c][0] + corners[c][1] * x / size + corners[c][2] * y / size
                                + (float) random.nextGaussian() * 0.05f;
                        v = Math.min(1f, Math.max(0f, v));
                        pixels[i++] = (v - mean[c]) / std[c];
                    }
                }
            }
        }
        return pixels;
    }

    private static float[][] normalized(float[][] raw) {
        float[][] out = new float[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            double norm = Math.sqrt(EmbeddingMath.dot(raw[i], raw[i]));
            out[i] = new float[raw[i].length];
            for (int j = 0; j < raw[i].length; j++) {
                out[i][j] = (float) (raw[i][j] / Math.max(norm, 1e-12));
            }
        }
        return out;
    }

    private static double lowestCosine(float[][] a, float[][] b) {
        double lowest = 1;
        for (int i = 0; i < a.length; i++) {
            lowest = Math.min(lowest, EmbeddingMath.dot(a[i], b[i]));
        }
        return lowest;
    }
}
