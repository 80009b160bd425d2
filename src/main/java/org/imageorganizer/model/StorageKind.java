package org.imageorganizer.model;

/** Where an image's bytes live. */
public enum StorageKind {
    /** A user's original, indexed where it is and never modified, moved or deleted. */
    INDEXED,
    /** A copy under a server-generated name in the managed storage folder. */
    MANAGED,
    /**
     * A copy in Cloudinary only (what the server stores when Cloudinary is configured); the location
     * is the asset's path {@code image/TYPE/vVERSION/PUBLIC_ID.FORMAT}.
     */
    CLOUDINARY
}
