package org.imageorganizer.ui.library;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;

/** Photos dragged inside the window (from the grid onto a tree row): their ids, in a format of the window's own. */
public final class PhotoDrag {
    private static final DataFormat PHOTOS = new DataFormat("application/x-image-organizer-photo-ids");

    private PhotoDrag() {
    }

    /** What a drag of these photos carries. */
    public static ClipboardContent content(List<Long> ids) {
        ClipboardContent content = new ClipboardContent();
        content.put(PHOTOS, ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
        return content;
    }

    /** Whether a drag carries photos of the window. */
    public static boolean carriesPhotos(Dragboard board) {
        return board.hasContent(PHOTOS);
    }

    /** The ids of the photos a drag carries; empty when it carries none. */
    public static List<Long> ids(Dragboard board) {
        Object content = board.getContent(PHOTOS);
        if (!(content instanceof String text) || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(Long::valueOf).toList();
    }
}
