package org.imageorganizer.ui.grid;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.services.ImageFiles;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.SystemShell;
import org.imageorganizer.ui.library.TreeNode;
import org.imageorganizer.ui.library.TreeRowActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the context menus do with photos (the grid's selection, or a tree row's photos): Open with the
 * system's viewer, Show in Folder, Copy Path, Show Similar, Remove from Library. Open and Show in
 * Folder need a file on this computer (an upload kept in the cloud has none). FX thread.
 */
public final class PhotoCommands implements TreeRowActions {
    private static final Logger LOG = LoggerFactory.getLogger(PhotoCommands.class);
    /** The most files Open opens at once (each is a viewer's window). */
    static final int MOST_OPENED = 20;

    private final ImageFiles files;
    private final ImageGridViewModel grid;
    private final ImageActions actions;
    private final Notices notices;

    public PhotoCommands(ImageFiles files, ImageGridViewModel grid, ImageActions actions, Notices notices) {
        this.files = files;
        this.grid = grid;
        this.actions = actions;
        this.notices = notices;
    }

    /** Whether every photo is a file on this computer (Open and Show in Folder can work). */
    public boolean allLocal(List<ImageRecord> images) {
        return !images.isEmpty() && images.stream().allMatch(image -> files.localFile(image).isPresent());
    }

    /** Opens the photos with the system's viewer (the first {@value #MOST_OPENED}). */
    public void open(List<ImageRecord> images) {
        for (ImageRecord image : images.subList(0, Math.min(MOST_OPENED, images.size()))) {
            withFile(image, SystemShell::open, "open");
        }
    }

    /** Shows the photo's file in the file manager. */
    public void showInFolder(ImageRecord image) {
        withFile(image, SystemShell::showInFolder, "show");
    }

    private interface FileAction {
        void run(Path file) throws IOException;
    }

    private void withFile(ImageRecord image, FileAction action, String verb) {
        Optional<Path> file = files.localFile(image);
        if (file.isEmpty()) {
            return; // the menu item was disabled
        }
        try {
            action.run(file.get());
        } catch (IOException e) {
            LOG.info("Cannot {} {}: {}", verb, file.get(), e.toString());
            notices.failed("The desktop could not " + verb + " " + image.fileName(), e);
        }
    }

    /** The photos' paths, one per line: the file on this computer, else where the library keeps it. */
    public String paths(List<ImageRecord> images) {
        return images.stream().map(image -> files.localFile(image).map(Path::toString).orElse(image.location()))
                .collect(Collectors.joining("\n"));
    }

    /** Puts the photos' paths on the clipboard, one per line. */
    public void copyPaths(List<ImageRecord> images) {
        ClipboardContent content = new ClipboardContent();
        content.putString(paths(images));
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Shows the photos like this one in the grid. */
    public void showSimilar(ImageRecord image) {
        actions.showSimilar(image);
    }

    /** Removes the photos from the library (never from disk) after the user's yes. */
    public void remove(List<ImageRecord> images) {
        if (!images.isEmpty() && actions.confirmRemove(images.size())) {
            grid.remove(images, () -> { });
        }
    }

    @Override
    public void copyPaths(TreeNode row) {
        grid.read(row.imageIds(), this::copyPaths);
    }

    @Override
    public void remove(TreeNode row) {
        grid.read(row.imageIds(), this::remove);
    }
}
