package org.imageorganizer.importer;

import org.imageorganizer.model.PerceptualHash;
import org.imageorganizer.model.PhotoMetadata;
import org.imageorganizer.imaging.DecodedImage;

/**
 * One image ready for the model: its content's hash and size, what the decoder found, and the model
 * input ({@code tensor}, recycled by the {@link InferenceBatcher} once the model has seen it), and the
 * near-duplicate hash of the decoded, upright pixels, and what its metadata says (date taken, camera).
 */
record PreparedImage(String sha256, long byteSize, DecodedImage decoded, float[] tensor, PerceptualHash perceptualHash,
        PhotoMetadata metadata) {

    /** The same without the pixels and the model input, once the model has seen them. */
    PreparedImage withoutPixels() {
        return new PreparedImage(sha256, byteSize, new DecodedImage(null, decoded.width(), decoded.height(),
                decoded.format()), null, perceptualHash, metadata);
    }

    /** The same with the file's last-modified time as the date taken when the photo gives none. */
    PreparedImage withFileTime(java.time.Instant modified) {
        return new PreparedImage(sha256, byteSize, decoded, tensor, perceptualHash,
                metadata.orFileTime(modified, java.time.ZoneId.systemDefault()));
    }
}
