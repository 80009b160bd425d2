package org.imageorganizer.importer;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;
import org.imageorganizer.imaging.DecodedImage;
import org.imageorganizer.imaging.PhotoMetadataReader;
import org.imageorganizer.imaging.PerceptualHasher;
import org.imageorganizer.imaging.ImageDecoder;
import org.imageorganizer.imaging.ImageRejectedException;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.model.ImageRecord;

/**
 * The first stage of every ingestion, folder import or upload: read, hash, the one check for content
 * the library already has, decode and prepare the model input. Safe to call from many threads; the
 * sources decide on which (folder imports on their decode workers, uploads on background-priority
 * threads).
 */
final class ImagePreparer {
    /** Stateless: one for every import. */
    private static final PerceptualHasher HASHER = new PerceptualHasher();
    /** The library's side of the duplicate check (it may wait for a library still opening). */
    @FunctionalInterface
    interface ContentLookup {
        Optional<ImageRecord> bySha256(String sha256) throws InterruptedException;
    }

    private final ImageDecoder decoder;
    private final ImageEmbedder embedder;
    private final ContentLookup library;
    private final int minShortSide;

    ImagePreparer(ImageDecoder decoder, ImageEmbedder embedder, ContentLookup library) {
        this.decoder = decoder;
        this.embedder = embedder;
        this.library = library;
        this.minShortSide = embedder.manifest().imageSize();
    }

    /** A file's bytes, refused when it cannot be read, is empty or is over the size limit. */
    byte[] read(Path file) throws ImageRejectedException {
        return decoder.read(file);
    }

    /** The hex SHA-256 of some content: the key every duplicate check uses. */
    static String sha256(byte[] content) {
        return DigestUtils.sha256Hex(content);
    }

    /** The duplicate check: the library's image with this content, if it has one. */
    Optional<ImageRecord> inLibrary(String sha256) throws InterruptedException {
        return library.bySha256(sha256);
    }

    /** Decodes the content and prepares the model's input; refused with a sentence saying why. */
    PreparedImage prepare(String sha256, byte[] content) throws ImageRejectedException {
        DecodedImage decoded = decoder.decode(content, minShortSide);
        return new PreparedImage(sha256, content.length, decoded, embedder.prepare(decoded.image(), sha256),
                HASHER.hash(decoded.image()), PhotoMetadataReader.read(content));
    }
}
