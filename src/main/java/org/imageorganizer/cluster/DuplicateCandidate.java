package org.imageorganizer.cluster;

import java.time.Instant;
import java.util.Objects;
import org.imageorganizer.model.PerceptualHash;

/**
 * A photo as the near-duplicate search sees it (docs/decisions/0033).
 *
 * @param id        the library's id
 * @param sha256    hex SHA-256 of the file's content: equal content is a duplicate whatever the hash says
 * @param hash      the perceptual hash of its upright pixels; null when it has none yet (matched by content only)
 * @param embedding the unit-length CLIP embedding, for the veto; null when unknown (no veto for its pairs)
 * @param width     upright width in pixels
 * @param height    upright height in pixels
 * @param format    the format found in the content (jpeg, png, webp…)
 * @param byteSize  the file's size in bytes
 * @param time      when the file was made, or when it was imported when that is unknown; null when neither is known
 */
public record DuplicateCandidate(long id, String sha256, PerceptualHash hash, float[] embedding, int width, int height,
        String format, long byteSize, Instant time) {
    public DuplicateCandidate {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(format, "format");
    }

    /** Width × height. */
    public long pixels() {
        return (long) width * height;
    }

    /** Whether the hash can be matched: present and not low-detail. */
    boolean hashable() {
        return hash != null && !hash.lowDetail();
    }
}
