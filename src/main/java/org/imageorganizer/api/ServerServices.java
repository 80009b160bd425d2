package org.imageorganizer.api;

import org.imageorganizer.services.LibrarySorting;

import java.util.Objects;
import org.imageorganizer.config.BuildInfo;
import org.imageorganizer.services.CloudLinks;
import org.imageorganizer.services.ClusterNaming;
import org.imageorganizer.services.ImageFiles;
import org.imageorganizer.services.ImageRemoval;
import org.imageorganizer.services.LibraryQueries;
import org.imageorganizer.services.PhotoDuplicates;
import org.imageorganizer.services.PhotoSearch;
import org.imageorganizer.services.UploadFolder;
import org.imageorganizer.services.Uploads;

/**
 * The use-case services the REST server stands on; {@code app} builds them.
 *
 * @param library      what the library holds: pages, single images, the tree
 * @param files        image bytes and thumbnails, wherever they are kept
 * @param removal      removes images (DELETE /images/ID)
 * @param uploads      adds uploaded images, or null while the model loads (/health says "loading"; see StartingServices)
 * @param cloudLinks   links to the images a cloud store delivers (Cloudinary), {@link CloudLinks#NONE} without one
 * @param uploadFolder the managed folder uploads are kept in (/storage/KEY)
 * @param build        version and source location
 * @param search       finds photos by text and likeness, or null when the server offers no search
 * @param duplicates   lists and resolves duplicates, or null when the server offers none
 * @param sorting      corrections, categories and re-sorting, or null when the server offers none
 * @param clusterNaming names clusters (PUT /clusters/KEY/name), or null when the server offers no naming
 */
public record ServerServices(
        LibraryQueries library,
        ImageFiles files,
        ImageRemoval removal,
        Uploads uploads,
        CloudLinks cloudLinks,
        UploadFolder uploadFolder,
        BuildInfo build,
        PhotoSearch search,
        PhotoDuplicates duplicates,
        ClusterNaming clusterNaming,
        LibrarySorting sorting) {

    public ServerServices {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(removal, "removal");
        Objects.requireNonNull(cloudLinks, "cloudLinks");
        Objects.requireNonNull(uploadFolder, "uploadFolder");
        Objects.requireNonNull(build, "build");
    }
}
