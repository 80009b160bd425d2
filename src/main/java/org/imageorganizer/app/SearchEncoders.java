package org.imageorganizer.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.imageorganizer.imaging.DecodedImage;
import org.imageorganizer.imaging.ImageLimits;
import org.imageorganizer.imaging.ImageRejectedException;
import org.imageorganizer.ml.ClipModel;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.ml.QueryEncoder;
import org.imageorganizer.services.IndexedPhotoSearch;

/**
 * The model's two encoders as search needs them: texts through {@link QueryEncoder}, and files read
 * and embedded as an import embeds them (the settings' views), without importing them. The model is
 * asked for only at the first text or file, so a search for photos like a library photo never loads it.
 */
final class SearchEncoders {
    private final Core core;
    private final Supplier<ClipModel> model;
    private QueryEncoder queries;

    /** @param model gives the library's model, loading it at the first call (and always the same one) */
    SearchEncoders(Core core, Supplier<ClipModel> model) {
        this.core = core;
        this.model = model;
    }

    IndexedPhotoSearch.TextEncoder text() {
        return text -> {
            if (QueryEncoder.normalizedQuery(text).isEmpty()) {
                throw new IllegalArgumentException("the search text is empty");
            }
            return queryEncoder().encode(text);
        };
    }

    IndexedPhotoSearch.FileEncoder files() {
        return file -> {
            ClipModel clip = model.get();
            ImageEmbedder embedder = core.embedder(clip, core.settings().ttaViews());
            byte[] content = read(file);
            DecodedImage decoded;
            try {
                decoded = core.decoder(ImageLimits.DEFAULT_MAX_FILE_BYTES).decode(content, clip.manifest().imageSize());
            } catch (ImageRejectedException e) {
                throw new IllegalArgumentException(display(file) + " cannot be read as an image: " + e.getMessage(), e);
            }
            String sha256 = HexFormat.of().formatHex(sha256(content)); // seeds the views, as at import
            return embedder.embed(List.of(embedder.prepare(decoded.image(), sha256)))[0];
        };
    }

    private synchronized QueryEncoder queryEncoder() {
        if (queries == null) {
            queries = new QueryEncoder(model.get());
        }
        return queries;
    }

    private static byte[] read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(display(file) + " is not a file");
            }
            if (Files.size(file) > ImageLimits.DEFAULT_MAX_FILE_BYTES) {
                throw new IllegalArgumentException(display(file) + " is larger than " + ImageLimits.DEFAULT_MAX_FILE_BYTES
                        / (1024 * 1024) + " MB");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(display(file) + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String display(Path file) {
        return String.valueOf(file.getFileName());
    }
}
