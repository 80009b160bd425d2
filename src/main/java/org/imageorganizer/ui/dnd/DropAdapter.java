package org.imageorganizer.ui.dnd;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Turns what is dragged onto the window into paths: the files a file manager offers, or a
 * text/uri-list of {@code file:} URIs (what some Linux drag sources send), or plain text holding
 * such URIs or absolute paths. Anything else (web links, text) is ignored.
 */
public final class DropAdapter {
    private DropAdapter() {
    }

    /** Accepts the drag when it carries files or file URIs. */
    public static void acceptIfFiles(DragEvent event) {
        Dragboard board = event.getDragboard();
        if (board.hasFiles() || !paths(List.of(), board.getUrl(), board.getString()).isEmpty()) {
            event.acceptTransferModes(TransferMode.COPY_OR_MOVE);
        }
        event.consume();
    }

    /** The dropped paths, empty when nothing usable was dropped. */
    public static List<Path> paths(DragEvent event) {
        Dragboard board = event.getDragboard();
        return paths(board.hasFiles() ? board.getFiles() : List.of(), board.getUrl(), board.getString());
    }

    /**
     * The paths in a drop, in order, without repeats.
     *
     * @param files the dragboard's files (may be empty)
     * @param url   its URL or URI list (may be null)
     * @param text  its plain text (may be null)
     */
    public static List<Path> paths(List<File> files, String url, String text) {
        Set<Path> paths = new LinkedHashSet<>();
        for (File file : files) {
            paths.add(file.toPath().toAbsolutePath());
        }
        if (paths.isEmpty()) {
            addUris(paths, url);
        }
        if (paths.isEmpty()) {
            addUris(paths, text);
        }
        return new ArrayList<>(paths);
    }

    private static void addUris(Set<Path> paths, String list) {
        if (list == null) {
            return;
        }
        for (String line : list.split("\\r?\\n")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue; // text/uri-list comments
            }
            if (entry.startsWith("file:")) {
                try {
                    paths.add(Path.of(URI.create(entry)).toAbsolutePath());
                } catch (IllegalArgumentException e) {
                    // a malformed URI is not a file
                }
            } else if (entry.startsWith("/") && !entry.contains("\0")) {
                paths.add(Path.of(entry));
            }
        }
    }
}
