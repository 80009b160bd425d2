package org.imageorganizer.services;

import java.util.List;
import java.util.Optional;
import org.imageorganizer.model.ImageRecord;

/**
 * Links to the images the cloud store delivers itself: an image kept in the cloud is fetched from the
 * cloud, not through this application (links signed and expiring where the store is private).
 */
public interface CloudLinks {

    /** No cloud store: every image is served by the application itself. */
    CloudLinks NONE = new CloudLinks() {
        @Override
        public Optional<String> imageUrl(ImageRecord image) {
            return Optional.empty();
        }

        @Override
        public Optional<String> thumbnailUrl(ImageRecord image, int size) {
            return Optional.empty();
        }

        @Override
        public List<String> origins() {
            return List.of();
        }
    };

    /** The cloud's link to the image's bytes; empty when the image is not delivered by the cloud. */
    Optional<String> imageUrl(ImageRecord image);

    /** The cloud's link to a thumbnail at most {@code size} pixels on each side; empty as for {@link #imageUrl}. */
    Optional<String> thumbnailUrl(ImageRecord image, int size);

    /** The origins ({@code scheme://host[:port]}) the links point at, for a page's Content-Security-Policy. */
    List<String> origins();
}
