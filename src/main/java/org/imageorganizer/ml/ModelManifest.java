package org.imageorganizer.ml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * The {@code manifest.json} of a model folder: what the files are, and how to feed the model.
 * Quantized or bfloat16 variants use the same format with another {@code precision}, ONNX exports
 * with another {@code engine}. A manifest without them means {@value #PYTORCH} and {@value #FP32}.
 * {@link ModelFolder} checks the values; this record only fills in the defaults.
 *
 * @param baseModelId the {@code model_id} as written; {@link #modelId()} is the id of this variant
 * @param engine      DJL's engine name: {@value #PYTORCH} (TorchScript) or {@value #ONNX_RUNTIME}, any case
 * @param precision   {@value #FP32}, {@value #INT8} or {@value #BF16}, any case
 * @param modelFile   the TorchScript file; for ONNX Runtime the image encoder's ONNX file
 * @param textModelFile only for ONNX Runtime: the text encoder's ONNX file (ONNX files hold one graph)
 * @param quality     optional: how close this variant came to fp32 on real photos when it was made
 *                    ({@code scripts/make_variants.py}); null when nobody measured it
 */
public record ModelManifest(
        @JsonProperty("format_version") int formatVersion,
        @JsonProperty("model_id") String baseModelId,
        @JsonProperty("name") String name,
        @JsonProperty("engine") String engine,
        @JsonProperty("precision") String precision,
        @JsonProperty("embedding_size") int embeddingSize,
        @JsonProperty("image_size") int imageSize,
        @JsonProperty("mean") List<Double> mean,
        @JsonProperty("std") List<Double> std,
        @JsonProperty("context_length") int contextLength,
        @JsonProperty("logit_scale") double logitScale,
        @JsonProperty("model_file") String modelFile,
        @JsonProperty("tokenizer_file") String tokenizerFile,
        @JsonProperty("files") List<FileEntry> files,
        @JsonProperty("text_model_file") @JsonInclude(JsonInclude.Include.NON_NULL) String textModelFile,
        @JsonProperty("quality") @JsonInclude(JsonInclude.Include.NON_NULL) Quality quality,
        @JsonProperty("near_duplicate_min_cosine") @JsonInclude(JsonInclude.Include.NON_NULL) Double nearDuplicateMinCosine) {

    /**
     * The near-duplicate veto for CLIP ViT-B/32 when a manifest names none: two photos whose embeddings'
     * cosine is below it are never one stack (ADR 0033 gives 0.85–0.9 as the expected range; a random
     * test model's folder turns the veto off with -1).
     */
    public static final double DEFAULT_NEAR_DUPLICATE_MIN_COSINE = 0.85;

    /** The manifest file's name inside a model folder. */
    public static final String FILE_NAME = "manifest.json";
    /** DJL's PyTorch engine running a TorchScript file; the default. */
    public static final String PYTORCH = "PyTorch";
    /** DJL's ONNX Runtime engine running an ONNX file. */
    public static final String ONNX_RUNTIME = "OnnxRuntime";
    public static final String FP32 = "fp32";
    public static final String INT8 = "int8";
    public static final String BF16 = "bf16";
    /** The engines a manifest may name, in DJL's spelling. */
    public static final List<String> ENGINES = List.of(PYTORCH, ONNX_RUNTIME);
    /** The precisions a manifest may name. */
    public static final List<String> PRECISIONS = List.of(FP32, INT8, BF16);

    public ModelManifest {
        engine = engine == null || engine.isBlank() ? PYTORCH : engine.strip();
        precision = precision == null || precision.isBlank() ? FP32 : precision.strip();
    }

    /**
     * The id stored with every embedding this model computes and claimed by the library: the
     * manifest's {@code model_id} for PyTorch fp32 (so existing libraries keep theirs), otherwise
     * that id with {@code "@" + }{@link #variant()} unless the manifest's id already ends with it.
     * Two variants never share an id, so their embeddings are never mixed.
     */
    /** This model's near-duplicate veto: the manifest's, else {@link #DEFAULT_NEAR_DUPLICATE_MIN_COSINE}. */
    public double nearDuplicateVeto() {
        return nearDuplicateMinCosine != null ? nearDuplicateMinCosine : DEFAULT_NEAR_DUPLICATE_MIN_COSINE;
    }

    public String modelId() {
        String variant = variant();
        if (baseModelId == null || variant.equals(FP32) || baseModelId.endsWith("@" + variant)) {
            return baseModelId;
        }
        return baseModelId + "@" + variant;
    }

    /**
     * The variant's short name: the precision for PyTorch ({@code fp32}, {@code int8}, {@code bf16}),
     * {@code onnx-} and the precision for ONNX Runtime.
     */
    public String variant() {
        String p = precision.toLowerCase(Locale.ROOT);
        return usesOnnxRuntime() ? "onnx-" + p : p;
    }

    /** Whether the manifest names DJL's ONNX Runtime engine (any case). */
    public boolean usesOnnxRuntime() {
        return ONNX_RUNTIME.equalsIgnoreCase(engine);
    }

    /** The engine in DJL's spelling, or the value as written when it is none of {@link #ENGINES}. */
    public String djlEngine() {
        return ENGINES.stream().filter(e -> e.equalsIgnoreCase(engine)).findFirst().orElse(engine);
    }

    /**
     * A variant measured against the fp32 model on real photos by whoever published it.
     *
     * @param cosineMin the lowest cosine between the variant's and fp32's image embeddings
     */
    public record Quality(@JsonProperty("reference_model_id") String referenceModelId,
                          @JsonProperty("photos") int photos,
                          @JsonProperty("cosine_min") double cosineMin,
                          @JsonProperty("cosine_mean") double cosineMean,
                          @JsonProperty("object_label_agreement") Double objectLabelAgreement,
                          @JsonProperty("background_label_agreement") Double backgroundLabelAgreement) {
    }

    /** One file of the model folder with its SHA-256. */
    public record FileEntry(@JsonProperty("path") String path, @JsonProperty("sha256") String sha256) {
    }

    public float[] meanArray() {
        return toFloats(mean);
    }

    public float[] stdArray() {
        return toFloats(std);
    }

    private static float[] toFloats(List<Double> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).floatValue();
        }
        return out;
    }
}
