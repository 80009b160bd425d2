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
import org.imageorganizer.services.PhotoTrash;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.SystemShell;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.TrashWording;
import org.imageorganizer.ui.library.TreeNode;
import org.imageorganizer.ui.library.TreeRowActions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the context menus do with photos (the grid's selection, or a tree row's photos): Open with the
 * system's viewer, Show in Folder, Copy Path, Show Similar, Remove from Library, Move to Trash. Open and Show in
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
    private final PhotoTrash trash;
    private final TaskExecutor executor;
    private boolean trashAvailable;

    /**
     * @param trash    Move to Trash; whether this computer has a trash is asked once, in the background
     * @param executor runs the trash's work off the FX thread
     */
    public PhotoCommands(ImageFiles files, ImageGridViewModel grid, ImageActions actions, Notices notices, PhotoTrash trash,
            TaskExecutor executor) {
        this.files = files;
        this.grid = grid;
        this.actions = actions;
        this.notices = notices;
        this.trash = trash;
        this.executor = executor;
        executor.submit(trash::available, available -> trashAvailable = available,
                error -> LOG.info("No trash on this computer: {}", error.toString()));
    }

    /** Whether Move to Trash can be offered: this computer has a trash and every photo is a file on it. */
    public boolean canTrash(List<ImageRecord> images) {
        return trashAvailable && allLocal(images);
    }

    /**
     * Move to Trash…: lists every file of the photos (all their places), asks, moves them to the system trash,
     * and the photos whose files are all gone leave the library; the notice line says what happened.
     */
    public void moveToTrash(List<ImageRecord> images) {
        List<Long> ids = images.stream().map(ImageRecord::id).toList();
        executor.submit(() -> trash.plan(ids), plan -> {
            if (plan.files().isEmpty()) {
                notices.show("None of these photos is a file on this computer; Remove from Library takes them out of the library.");
                return;
            }
            if (actions.confirmTrash(TrashWording.header(plan), TrashWording.text(plan, null),
                    plan.files().stream().map(Path::toString).toList(), TrashWording.action(plan))) {
                executor.submit(() -> trash.moveToTrash(plan), outcome -> {
                    java.util.Set<Long> left = outcome.removed().stream().map(ImageRecord::id)
                            .collect(Collectors.toSet());
                    grid.dropLeft(images.stream().filter(i -> left.contains(i.id())).toList());
                    notices.show(TrashWording.outcome(outcome));
                }, error -> notices.failed("Could not move the files to the trash", error));
            }
        }, error -> notices.failed("Could not list the files of these photos", error));
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
        if (!images.isEmpty() && actions.confirmRemove(images)) {
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
