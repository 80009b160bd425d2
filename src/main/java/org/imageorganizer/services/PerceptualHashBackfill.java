package org.imageorganizer.services;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.imageorganizer.imaging.ImageDecoder;
import org.imageorganizer.imaging.ImageRejectedException;
import org.imageorganizer.imaging.PerceptualHasher;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.PerceptualHash;
import org.imageorganizer.store.ImageFingerprints;
import org.imageorganizer.store.ImageRepository;
import org.imageorganizer.store.ImageStorage;
import org.imageorganizer.store.NearDuplicateLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a library's near-duplicate data up to date in the background (docs/decisions/0036): gives the photos imported
 * before perceptual hashes existed (schema version 5) their hash, read from their file as an import would (a user's
 * file where it is indexed, an upload's copy in the managed folder; a photo only in the cloud is left), each linked to
 * its near-duplicates as it is stored; then builds the links once if they are not complete. A photo whose file is
 * missing, changed since it was imported, or cannot be decoded keeps no hash and stays matched by content only; it
 * is logged once per run and never stops the pass. Not for the FX thread.
 */
public final class PerceptualHashBackfill {
    private static final Logger LOG = LoggerFactory.getLogger(PerceptualHashBackfill.class);
    private static final int CHUNK = 200;

    private final ImageFingerprints fingerprints;
    private final NearDuplicateLinks links;
    private final ImageRepository images;
    private final ImageStorage storage;
    private final ImageDecoder decoder;
    private final int minShortSide;
    private final PerceptualHasher hasher = new PerceptualHasher();

    /**
     * What one pass did.
     *
     * @param hashed       photos given a hash
     * @param unreadable   photos left without one (file missing, changed, broken, or only in the cloud)
     * @param linksRebuilt the links written when they were built again, or -1 when they were complete
     */
    public record Outcome(int hashed, int unreadable, int linksRebuilt) {
    }

    /**
     * @param links        the library's links, with the application's linker
     * @param minShortSide the decode size of the library's model (its input size), as the import decodes
     */
    public PerceptualHashBackfill(ImageFingerprints fingerprints, NearDuplicateLinks links, ImageRepository images,
            ImageStorage storage, ImageDecoder decoder, int minShortSide) {
        this.fingerprints = Objects.requireNonNull(fingerprints, "fingerprints");
        this.links = Objects.requireNonNull(links, "links");
        this.images = Objects.requireNonNull(images, "images");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.minShortSide = minShortSide;
    }

    /** One pass; stops between photos once {@code cancelled} says so. */
    public Outcome run(BooleanSupplier cancelled) {
        List<Long> missing = new ArrayList<>();
        fingerprints.forEachHash((bytes, id) -> {
            if (!PerceptualHash.isCurrent(bytes)) {
                missing.add(id);
            }
        });
        int hashed = 0;
        int unreadable = 0;
        for (int from = 0; from < missing.size() && !cancelled.getAsBoolean(); from += CHUNK) {
            for (ImageRecord image : images.listByIds(missing.subList(from, Math.min(missing.size(), from + CHUNK)))) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                Optional<PerceptualHash> hash = hashOf(image);
                if (hash.isPresent() && fingerprints.storePerceptualHash(image.id(), hash.get().toBytes())) {
                    hashed++;
                } else {
                    unreadable++;
                }
            }
        }
        int rebuilt = -1;
        if (!cancelled.getAsBoolean() && !links.complete()) {
            long start = System.nanoTime();
            rebuilt = links.rebuild();
            LOG.info("Near-duplicate links built for the whole library: {} links in {} ms", rebuilt,
                    (System.nanoTime() - start) / 1_000_000);
        }
        if (!missing.isEmpty()) {
            LOG.info("Perceptual hashes computed for {} of {} photos imported without one; {} stay matched by content"
                    + " only", hashed, missing.size(), unreadable);
        }
        return new Outcome(hashed, unreadable, rebuilt);
    }

    /** The photo's hash from its file, or empty (said in the log) when the file cannot give it. */
    private Optional<PerceptualHash> hashOf(ImageRecord image) {
        Optional<Path> file = storage.localFile(image);
        if (file.isEmpty()) {
            LOG.info("Photo {} has no file on this computer (only in the cloud): matched by content only", image.id());
            return Optional.empty();
        }
        try {
            byte[] content = decoder.read(file.get());
            if (!image.sha256().equals(sha256(content))) {
                LOG.info("Photo {}: {} changed since it was imported: matched by content only", image.id(), file.get());
                return Optional.empty();
            }
            return Optional.of(hasher.hash(decoder.decode(content, minShortSide).image()));
        } catch (ImageRejectedException | RuntimeException e) {
            LOG.info("Photo {}: {} could not be read again ({}): matched by content only", image.id(), file.get(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
