package org.imageorganizer.ml.download;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.imageorganizer.ml.ModelManifest;

/**
 * A model that can be downloaded: where its files are, and the {@code manifest.json} values to
 * write for it. The model folder is {@code <models directory>/<id>}.
 *
 * @param id       the folder name, e.g. {@code clip-vit-base-patch32} (letters, digits, {@code _}, {@code -})
 * @param name     a human name, written to the manifest and used in messages
 * @param files    the files to download, each ending up in the folder under its {@code targetName}
 * @param manifest the values of the manifest to write
 */
public record ModelSource(String id, String name, List<RemoteFile> files, ManifestValues manifest) {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    public ModelSource {
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be letters, digits, _ and -, found " + id);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a model source needs at least one file");
        }
        Objects.requireNonNull(manifest, "manifest");
        Set<String> targets = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (RemoteFile file : files) {
            if (!targets.add(file.targetName()) || file.targetName().equals(ModelManifest.FILE_NAME)) {
                throw new IllegalArgumentException("target name " + file.targetName() + " is used twice");
            }
            if (!names.add(file.name())) {
                throw new IllegalArgumentException("file name " + file.name() + " is used twice");
            }
        }
        if (!targets.contains(manifest.modelFile()) || !targets.contains(manifest.tokenizerFile())) {
            throw new IllegalArgumentException("the files must provide model_file " + manifest.modelFile()
                    + " and tokenizer_file " + manifest.tokenizerFile() + ", found " + targets);
        }
        if (manifest.textModelFile() != null && !targets.contains(manifest.textModelFile())) {
            throw new IllegalArgumentException("the files must provide text_model_file " + manifest.textModelFile()
                    + ", found " + targets);
        }
    }

    /**
     * The {@code manifest.json} values (format_version 1 is implied; the file checksums are computed
     * from the files).
     *
     * @param engine        {@link ModelManifest#PYTORCH} or {@link ModelManifest#ONNX_RUNTIME}
     * @param textModelFile the text encoder's file for ONNX Runtime, null for PyTorch
     */
    public record ManifestValues(String modelId, String engine, String precision, int embeddingSize, int imageSize,
                                 List<Double> mean, List<Double> std, int contextLength, double logitScale,
                                 String modelFile, String textModelFile, String tokenizerFile) {
        public ManifestValues {
            Objects.requireNonNull(modelId, "modelId");
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(precision, "precision");
            mean = List.copyOf(mean);
            std = List.copyOf(std);
            Objects.requireNonNull(modelFile, "modelFile");
            Objects.requireNonNull(tokenizerFile, "tokenizerFile");
            if (engine.equals(ModelManifest.ONNX_RUNTIME) != (textModelFile != null)) {
                throw new IllegalArgumentException("an ONNX Runtime model needs a text_model_file, a PyTorch one none");
            }
        }

        /** A TorchScript model (engine PyTorch): one file with both encoders. */
        public static ManifestValues torchScript(String modelId, String precision, int embeddingSize, int imageSize,
                List<Double> mean, List<Double> std, int contextLength, double logitScale, String modelFile,
                String tokenizerFile) {
            return new ManifestValues(modelId, ModelManifest.PYTORCH, precision, embeddingSize, imageSize, mean, std,
                    contextLength, logitScale, modelFile, null, tokenizerFile);
        }
    }
}
