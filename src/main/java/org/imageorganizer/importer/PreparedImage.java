package org.imageorganizer.importer;

import org.imageorganizer.model.PerceptualHash;
import org.imageorganizer.imaging.DecodedImage;

/**
 * One image ready for the model: its content's hash and size, what the decoder found, and the model
 * input ({@code tensor}, recycled by the {@link InferenceBatcher} once the model has seen it), and the
 * near-duplicate hash of the decoded, upright pixels.
 */
record PreparedImage(String sha256, long byteSize, DecodedImage decoded, float[] tensor, PerceptualHash perceptualHash) {

    /** The same without the pixels and the model input, once the model has seen them. */
    PreparedImage withoutPixels() {
        return new PreparedImage(sha256, byteSize, new DecodedImage(null, decoded.width(), decoded.height(),
                decoded.format()), null, perceptualHash);
    }
}
