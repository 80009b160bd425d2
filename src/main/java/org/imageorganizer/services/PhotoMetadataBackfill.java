package org.imageorganizer.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.commons.codec.digest.DigestUtils;
import org.imageorganizer.imaging.ImageDecoder;
import org.imageorganizer.imaging.ImageRejectedException;
import org.imageorganizer.imaging.PhotoMetadataReader;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.PhotoMetadata;
import org.imageorganizer.store.ImageRepository;
import org.imageorganizer.store.ImageStorage;
import org.imageorganizer.store.PhotoMetadataRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the photos imported before dates were read (schema version 10) their date taken and camera, read from their
 * file as an import reads them (the file's last-modified time when the photo does not say), in the background: a
 * library opens at once and its photos gain their dates as this goes. A photo whose only copy is in the cloud, whose
 * file is missing or changed since it was imported, stays without (and is tried again next time); it never stops the
 * pass. Not for the FX thread.
 */
public final class PhotoMetadataBackfill {
    private static final Logger LOG = LoggerFactory.getLogger(PhotoMetadataBackfill.class);
    private static final int CHUNK = 200;

    private final PhotoMetadataRows rows;
    private final ImageRepository images;
    private final ImageStorage storage;
    private final ImageDecoder decoder;
    private final ZoneId zone;

    /**
     * What one pass did.
     *
     * @param read      photos whose metadata was read and stored
     * @param unread    photos left without (no file on this computer, changed, or unreadable)
     */
    public record Outcome(int read, int unread) {
    }

    /**
     * @param decoder reads files with the import's size limit
     * @param zone    the zone a file time is taken in (the computer's)
     */
    public PhotoMetadataBackfill(PhotoMetadataRows rows, ImageRepository images, ImageStorage storage,
            ImageDecoder decoder, ZoneId zone) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.images = Objects.requireNonNull(images, "images");
        this.storage = Objects.requireNonNull(storage, "storage");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * One pass; stops between photos once {@code cancelled} says so.
     *
     * @param filled called after each chunk in which photos gained metadata (a front end shows the dates)
     */
    public Outcome run(BooleanSupplier cancelled, Runnable filled) {
        List<Long> unread = rows.unread();
        int read = 0;
        int left = 0;
        for (int from = 0; from < unread.size() && !cancelled.getAsBoolean(); from += CHUNK) {
            int before = read;
            for (ImageRecord image : images.listByIds(unread.subList(from, Math.min(unread.size(), from + CHUNK)))) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                Optional<PhotoMetadata> metadata = metadataOf(image);
                if (metadata.isPresent() && rows.store(image.id(), image.sha256(), metadata.get())) {
                    read++;
                } else {
                    left++;
                }
            }
            if (read > before) {
                filled.run();
            }
        }
        if (!unread.isEmpty()) {
            LOG.info("Dates taken read for {} of {} photos imported before they were read; {} left without", read,
                    unread.size(), left);
        }
        return new Outcome(read, left);
    }

    /** What the photo's file says, or empty (said in the log) when the file cannot say it. */
    private Optional<PhotoMetadata> metadataOf(ImageRecord image) {
        Optional<Path> file = storage.localFile(image);
        if (file.isEmpty()) {
            LOG.debug("Photo {} has no file on this computer: no date taken", image.id());
            return Optional.empty();
        }
        try {
            byte[] content = decoder.read(file.get());
            if (!image.sha256().equals(DigestUtils.sha256Hex(content))) {
                LOG.info("Photo {}: {} changed since it was imported: no date taken read", image.id(), file.get());
                return Optional.empty();
            }
            return Optional.of(PhotoMetadataReader.read(content)
                    .orFileTime(Files.getLastModifiedTime(file.get()).toInstant(), zone));
        } catch (ImageRejectedException | IOException | RuntimeException e) {
            LOG.info("Photo {}: {} could not be read again ({}): no date taken", image.id(), file.get(), e.getMessage());
            return Optional.empty();
        }
    }
}
