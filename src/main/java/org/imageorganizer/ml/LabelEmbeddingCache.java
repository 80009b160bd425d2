package org.imageorganizer.ml;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Label text embeddings cached on disk per model id, label list and prompt templates, so they are
 * computed once. A damaged cache file is ignored and rewritten.
 */
public final class LabelEmbeddingCache {
    private static final Logger LOG = LoggerFactory.getLogger(LabelEmbeddingCache.class);
    private static final int MAGIC = 0x4c424c45; // "LBLE"

    private final Path directory;

    public LabelEmbeddingCache(Path directory) {
        this.directory = directory;
    }

    /** The cached embeddings for this key, or those {@code compute} returns, then stored. */
    public float[][] get(String modelId, List<String> labels, List<String> templates, Supplier<float[][]> compute) {
        Path file = directory.resolve(key(modelId, labels, templates) + ".bin");
        float[][] cached = read(file, labels.size());
        if (cached != null) {
            return cached;
        }
        float[][] computed = compute.get();
        write(file, computed);
        return computed;
    }

    /** The cached embeddings for this key, if they are cached (nothing is computed). */
    public java.util.Optional<float[][]> find(String modelId, List<String> labels, List<String> templates) {
        return java.util.Optional.ofNullable(read(directory.resolve(key(modelId, labels, templates) + ".bin"), labels.size()));
    }

    private static float[][] read(Path file, int expectedCount) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file)); DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != MAGIC) {
                return null;
            }
            int count = in.readInt();
            int dim = in.readInt();
            if (count != expectedCount || dim < 1 || dim > 8192) {
                return null;
            }
            float[][] out = new float[count][dim];
            for (float[] row : out) {
                for (int d = 0; d < dim; d++) {
                    row[d] = in.readFloat();
                }
            }
            return out;
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable label embedding cache {}: {}", file, e.toString());
            return null;
        }
    }

    private static void write(Path file, float[][] embeddings) {
        try {
            Files.createDirectories(file.getParent());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(MAGIC);
                out.writeInt(embeddings.length);
                out.writeInt(embeddings.length == 0 ? 0 : embeddings[0].length);
                for (float[] row : embeddings) {
                    for (float v : row) {
                        out.writeFloat(v);
                    }
                }
            }
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(temp, bytes.toByteArray());
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("Could not cache label embeddings in {}: {}", file, e.toString());
        }
    }

    private static String key(String modelId, List<String> labels, List<String> templates) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(modelId.getBytes(StandardCharsets.UTF_8));
            for (List<String> part : List.of(labels, templates)) {
                digest.update((byte) 0);
                for (String s : part) {
                    digest.update(s.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 1);
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
