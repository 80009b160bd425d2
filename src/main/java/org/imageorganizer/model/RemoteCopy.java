package org.imageorganizer.model;

import java.util.Objects;

/**
 * An image's copy in a cloud store (Cloudinary), as the store answered an upload.
 *
 * @param publicId     the asset's id in the cloud, derived from the image's SHA-256
 * @param version      the asset's version (part of its delivery URL)
 * @param format       the asset's format as the cloud names it (jpg, png, ...)
 * @param deliveryType how it is delivered: {@code authenticated} (signed URLs only) or {@code upload} (public)
 */
public record RemoteCopy(String publicId, long version, String format, String deliveryType) {

    public RemoteCopy {
        Objects.requireNonNull(publicId, "publicId");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(deliveryType, "deliveryType");
    }

    /** The asset's path as Cloudinary writes a stored file: {@code image/TYPE/vVERSION/PUBLIC_ID.FORMAT}. */
    public String path() {
        return "image/" + deliveryType + "/v" + version + "/" + publicId + "." + format;
    }

    /** The copy behind an image the library keeps in the cloud only ({@link StorageKind#CLOUDINARY}). */
    public static java.util.Optional<RemoteCopy> of(ImageRecord image) {
        if (image.storage() != StorageKind.CLOUDINARY) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(parse(image.location()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Reads a path written by {@link #path()}.
     *
     * @throws IllegalArgumentException when the text is not such a path
     */
    public static RemoteCopy parse(String path) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("image/(authenticated|upload|private)/v(\\d{1,18})/([A-Za-z0-9_/\\-]{1,200})\\.([a-z0-9]{1,8})")
                .matcher(path == null ? "" : path);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Cloudinary asset path: " + path);
        }
        return new RemoteCopy(m.group(3), Long.parseLong(m.group(2)), m.group(4), m.group(1));
    }
}
