package org.imageorganizer.ml;

import org.imageorganizer.model.ModelException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * A model folder that has been checked: the manifest is complete and sane, every file it lists
 * is inside the folder, present, and has the SHA-256 the manifest gives. Hashing a large model
 * takes seconds, so a file whose {@link VerifiedFiles} record still matches is not read again
 * (ADR 0024).
 */
public final class ModelFolder {
    private static final long MAX_MANIFEST_BYTES = 64 * 1024;

    private final Path directory;
    private final ModelManifest manifest;

    private ModelFolder(Path directory, ModelManifest manifest) {
        this.directory = directory;
        this.manifest = manifest;
    }

    /**
     * Reads and checks a model folder, hashing every file.
     *
     * @throws ModelException naming what is missing or wrong
     */
    public static ModelFolder open(Path directory) {
        return open(directory, VerifiedFiles.none());
    }

    /**
     * Reads and checks a model folder, hashing the files that {@code verified} has no matching
     * record for, and recording those that pass.
     *
     * @throws ModelException naming what is missing or wrong
     */
    public static ModelFolder open(Path directory, VerifiedFiles verified) {
        Path dir = directory.toAbsolutePath().normalize();
        ModelManifest manifest = manifest(dir);
        for (ModelManifest.FileEntry entry : manifest.files()) {
            checkFile(dir, entry, verified);
        }
        return new ModelFolder(dir, manifest);
    }

    /**
     * Reads and checks a model folder's manifest only, without looking at the files it lists: enough
     * to tell which variant a folder holds before choosing to {@link #open} it.
     *
     * @throws ModelException naming what is missing or wrong
     */
    public static ModelManifest manifest(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new ModelException("Model folder " + dir + " does not exist or is not a folder.");
        }
        Path manifestFile = dir.resolve(ModelManifest.FILE_NAME);
        if (!Files.isRegularFile(manifestFile)) {
            throw new ModelException("Model folder " + dir + " has no " + ModelManifest.FILE_NAME + ".");
        }
        ModelManifest manifest = readManifest(manifestFile);
        checkValues(manifest, manifestFile);
        return manifest;
    }

    public Path directory() {
        return directory;
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public Path modelFile() {
        return directory.resolve(manifest.modelFile());
    }

    /** The text encoder's file of an ONNX Runtime variant, or null. */
    public Path textModelFile() {
        return manifest.textModelFile() == null ? null : directory.resolve(manifest.textModelFile());
    }

    public Path tokenizerFile() {
        return directory.resolve(manifest.tokenizerFile());
    }

    private static ModelManifest readManifest(Path file) {
        try {
            if (Files.size(file) > MAX_MANIFEST_BYTES) {
                throw new ModelException(file + " is too large to be a model manifest.");
            }
            ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            ModelManifest manifest = mapper.readValue(file.toFile(), ModelManifest.class);
            if (manifest == null) {
                throw new ModelException(file + " is empty.");
            }
            return manifest;
        } catch (JsonProcessingException e) {
            throw new ModelException(file + " is not a valid model manifest: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ModelException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void checkValues(ModelManifest m, Path file) {
        require(m.formatVersion() == 1, file, "format_version must be 1, found " + m.formatVersion());
        require(notBlank(m.baseModelId()), file, "model_id is missing");
        require(ModelManifest.ENGINES.stream().anyMatch(e -> e.equalsIgnoreCase(m.engine())), file,
                "engine must be " + String.join(" or ", ModelManifest.ENGINES) + " (or left out for "
                        + ModelManifest.PYTORCH + "), found \"" + m.engine() + "\"");
        require(ModelManifest.PRECISIONS.contains(m.precision().toLowerCase(Locale.ROOT)), file,
                "precision must be " + String.join(", ", ModelManifest.PRECISIONS.subList(0, 2)) + " or "
                        + ModelManifest.PRECISIONS.get(2) + " (or left out for " + ModelManifest.FP32
                        + "), found \"" + m.precision() + "\"");
        require(!(m.usesOnnxRuntime() && m.precision().equalsIgnoreCase(ModelManifest.BF16)), file,
                "ONNX Runtime variants are fp32 or int8; bf16 is a PyTorch variant");
        require(m.embeddingSize() > 0 && m.embeddingSize() <= 8192, file,
                "embedding_size must be between 1 and 8192, found " + m.embeddingSize());
        require(m.imageSize() >= 16 && m.imageSize() <= 1024, file,
                "image_size must be between 16 and 1024, found " + m.imageSize());
        require(threePositive(m.mean(), false), file, "mean must be three numbers");
        require(threePositive(m.std(), true), file, "std must be three positive numbers");
        require(m.contextLength() >= 2 && m.contextLength() <= 1024, file,
                "context_length must be between 2 and 1024, found " + m.contextLength());
        require(Double.isFinite(m.logitScale()) && m.logitScale() > 0 && m.logitScale() <= 1000, file,
                "logit_scale must be a positive number up to 1000, found " + m.logitScale());
        require(notBlank(m.modelFile()), file, "model_file is missing");
        require(notBlank(m.tokenizerFile()), file, "tokenizer_file is missing");
        List<ModelManifest.FileEntry> files = m.files() == null ? List.of() : m.files();
        require(files.stream().anyMatch(f -> m.modelFile().equals(f.path())), file,
                "files does not list model_file " + m.modelFile() + " with its sha256");
        require(files.stream().anyMatch(f -> m.tokenizerFile().equals(f.path())), file,
                "files does not list tokenizer_file " + m.tokenizerFile() + " with its sha256");
        if (m.usesOnnxRuntime()) {
            require(notBlank(m.textModelFile()), file,
                    "text_model_file (the text encoder's ONNX file) is missing; ONNX Runtime variants have two files");
            require(files.stream().anyMatch(f -> m.textModelFile().equals(f.path())), file,
                    "files does not list text_model_file " + m.textModelFile() + " with its sha256");
        }
    }

    private static void checkFile(Path dir, ModelManifest.FileEntry entry, VerifiedFiles verified) {
        if (!notBlank(entry.path()) || entry.sha256() == null || !entry.sha256().matches("[0-9a-fA-F]{64}")) {
            throw new ModelException("Model manifest in " + dir + " lists a file without a path or a valid sha256.");
        }
        Path file = dir.resolve(entry.path()).normalize();
        if (!file.startsWith(dir) || Path.of(entry.path()).isAbsolute()) {
            throw new ModelException("Model manifest names " + entry.path() + ", which is outside the model folder.");
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelException("Model folder " + dir + " is missing " + entry.path() + ".");
        }
        VerificationStamp before = stamp(file);
        if (verified.vouchesFor(file, before, entry.sha256())) {
            return;
        }
        String actual = sha256(file);
        if (!actual.equalsIgnoreCase(entry.sha256())) {
            throw new ModelException(entry.path() + " in " + dir + " has SHA-256 " + actual
                    + " but the manifest expects " + entry.sha256().toLowerCase(Locale.ROOT)
                    + ": the file is damaged or not the one the manifest describes.");
        }
        // a file rewritten while it was read is not vouched for: the next start hashes it again
        if (before.equals(stamp(file))) {
            verified.remember(file, before, actual);
        }
    }

    private static VerificationStamp stamp(Path file) {
        try {
            return VerificationStamp.of(file);
        } catch (IOException e) {
            throw new ModelException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Hex SHA-256 of a file's bytes. */
    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return DigestUtils.sha256Hex(in);
        } catch (IOException e) {
            throw new ModelException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean threePositive(List<Double> values, boolean strictlyPositive) {
        if (values == null || values.size() != 3) {
            return false;
        }
        return values.stream().allMatch(v -> v != null && Double.isFinite(v) && (!strictlyPositive || v > 0));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static void require(boolean ok, Path file, String problem) {
        if (!ok) {
            throw new ModelException("Model manifest " + file + " is invalid: " + problem + ".");
        }
    }
}
