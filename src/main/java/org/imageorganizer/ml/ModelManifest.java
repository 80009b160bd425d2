package org.imageorganizer.ml;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code manifest.json} of a model folder: what the files are, and how to feed the model.
 * Quantized or bfloat16 variants use the same format with another {@code precision}.
 */
public record ModelManifest(
        @JsonProperty("format_version") int formatVersion,
        @JsonProperty("model_id") String modelId,
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
        @JsonProperty("files") List<FileEntry> files) {

    /** The manifest file's name inside a model folder. */
    public static final String FILE_NAME = "manifest.json";

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
