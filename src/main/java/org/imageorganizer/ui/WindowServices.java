package org.imageorganizer.ui;

import org.imageorganizer.config.BuildInfo;
import java.util.function.Supplier;
import org.imageorganizer.services.CloudBackup;
import org.imageorganizer.services.ClusterNaming;
import org.imageorganizer.services.FolderImport;
import org.imageorganizer.services.ImageFiles;
import org.imageorganizer.services.ImageRemoval;
import org.imageorganizer.services.LibraryEvents;
import org.imageorganizer.services.LibraryQueries;
import org.imageorganizer.services.LibrarySorting;
import org.imageorganizer.services.ModelSetup;
import org.imageorganizer.services.PhotoDuplicates;
import org.imageorganizer.services.PhotoTrash;
import org.imageorganizer.services.PhotoSearch;

/**
 * What the window is given by {@code app}: the use-case services it calls and the few things that
 * are the window's own. Each view model takes only the parts it uses. The services may block: never
 * call them on the FX thread (use the {@link TaskExecutor}).
 *
 * @param library  the tree, pages and single images
 * @param events   told when images are added or removed and when the clusters were recomputed
 * @param files    image bytes and thumbnails
 * @param removal  Remove from Library
 * @param imports  importing dropped files and folders
 * @param backup   the backup to the cloud
 * @param model    getting a model on first run
 * @param settings the user's settings
 * @param server   the REST server beside the window
 * @param paths    the log file and the window's state file
 * @param build    version and source, for About
 * @param duplicates the stacks of duplicates and near-duplicates: the Duplicates view, and the grid folds each into one tile
 * @param trash    Move to Trash (the window only)
 * @param search   search by text and Show Similar
 * @param sorting  moving photos to other categories, the library's categories and the re-sort after a change of
 *                 them; the supplier opens the library on first use (never on the FX thread)
 * @param naming   naming the clusters
 */
public record WindowServices(LibraryQueries library, LibraryEvents events, ImageFiles files, ImageRemoval removal,
        FolderImport imports, CloudBackup backup, ModelSetup model, SettingsStore settings, EmbeddedServer server,
        DesktopFiles paths, BuildInfo build, PhotoDuplicates duplicates, PhotoTrash trash, PhotoSearch search,
        Supplier<LibrarySorting> sorting, ClusterNaming naming) {
}
