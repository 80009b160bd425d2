package org.imageorganizer.bench.startup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a model folder's {@code manifest.json} says of its variant, read without opening (and hashing)
 * the model: the children do that, and it is part of what they are timed on.
 *
 * @param directory the model folder
 * @param modelId   its model id
 * @param engine    "PyTorch" or "OnnxRuntime"
 * @param precision "fp32", "int8" or "bf16"
 */
public record VariantInfo(Path directory, String modelId, String engine, String precision) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads {@code directory/manifest.json}. */
    public static VariantInfo read(Path directory) {
        try {
            JsonNode manifest = JSON.readTree(directory.resolve("manifest.json").toFile());
            return new VariantInfo(directory, manifest.path("model_id").asText("?"), manifest.path("engine").asText("PyTorch"),
                    manifest.path("precision").asText("fp32").toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + directory + ": " + e.getMessage(), e);
        }
    }

    public boolean onnx() {
        return engine.equalsIgnoreCase("OnnxRuntime");
    }

    /** "fp32, PyTorch (model-id)". */
    public String label() {
        return precision + ", " + (onnx() ? "ONNX Runtime" : engine) + " (" + modelId + ")";
    }
}
