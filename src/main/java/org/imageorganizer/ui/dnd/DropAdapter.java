package org.imageorganizer.ui.dnd;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.InvalidPathException;
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
            paths.add(file.toPath().toAbsolutePath().normalize());
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
            if (entry.regionMatches(true, 0, "file:", 0, 5)) {
                Path file = fileUri(entry);
                if (file != null) {
                    paths.add(file);
                }
            } else if (entry.startsWith("/") && !entry.contains("\0")) {
                try {
                    paths.add(Path.of(entry).normalize());
                } catch (InvalidPathException e) {
                    // not a path here
                }
            }
        }
    }

    /**
     * The local file a {@code file:} URI names, or null: {@code file:///p}, {@code file:/p} and
     * {@code file://localhost/p} (RFC 8089), tolerating the unencoded spaces some applications send;
     * a file on another host is not ours.
     */
    private static Path fileUri(String entry) {
        try {
            URI uri = new URI(entry.replace(" ", "%20"));
            String host = uri.getRawAuthority();
            if (host != null && !host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
                return null;
            }
            if (host != null) {
                uri = new URI("file", null, uri.getPath(), null);
            }
            return Path.of(uri).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return null; // a malformed URI is not a file
        }
    }
}
