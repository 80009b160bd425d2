package org.imageorganizer.api;

import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.imaging.ThumbnailCache;
import org.imageorganizer.importer.UploadService;
import org.imageorganizer.store.ImageRepository;
import org.imageorganizer.store.ImageStorage;
import org.imageorganizer.store.RemoteLinks;
import java.util.Optional;

/**
 * The core services the REST server stands on; {@code app} builds them.
 *
 * @param images     the library's image records
 * @param uploads    adds and removes uploaded images
 * @param clusterer  the library's sub-clusters
 * @param storage    image bytes, wherever they are kept
 * @param thumbnails cached previews
 * @param build      version and source location
 * @param cloudLinks links to the images a cloud store delivers (Cloudinary), when one is configured
 */
public record ServerServices(
        ImageRepository images,
        UploadService uploads,
        LibraryClusterer clusterer,
        ImageStorage storage,
        ThumbnailCache thumbnails,
        BuildInfo build,
        Optional<RemoteLinks> cloudLinks) {

    /** Without a cloud store: every image is served by the server itself. */
    public ServerServices(ImageRepository images, UploadService uploads, LibraryClusterer clusterer, ImageStorage storage,
            ThumbnailCache thumbnails, BuildInfo build) {
        this(images, uploads, clusterer, storage, thumbnails, build, Optional.empty());
    }
}
