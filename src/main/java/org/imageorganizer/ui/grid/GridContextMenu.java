package org.imageorganizer.ui.grid;

import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.imageorganizer.model.ImageRecord;

/**
 * The context menu of the grid's thumbnails, for the photos it acts on: Open, Show in Folder, Copy
 * Path, Show Similar (one photo), Remove from Library…, Move to Trash… (the one item that takes files
 * away; it lists them first). Open, Show in Folder and Move to Trash are disabled unless every photo is a
 * file on this computer (and, for the trash, the computer has one).
 */
final class GridContextMenu {
    private GridContextMenu() {
    }

    static ContextMenu forPhotos(List<ImageRecord> photos, PhotoCommands commands) {
        boolean one = photos.size() == 1;
        boolean local = commands.allLocal(photos);
        MenuItem open = item(one ? "Open" : "Open " + Math.min(photos.size(), PhotoCommands.MOST_OPENED) + " Photos",
                () -> commands.open(photos));
        open.setDisable(!local);
        MenuItem show = item("Show in Folder", () -> commands.showInFolder(photos.get(0)));
        show.setDisable(!local);
        MenuItem copy = item(one ? "Copy Path" : "Copy " + photos.size() + " Paths", () -> commands.copyPaths(photos));
        MenuItem similar = item("Show Similar", () -> commands.showSimilar(photos.get(0)));
        similar.setDisable(!one);
        MenuItem remove = item(one ? "Remove from Library…" : "Remove " + photos.size() + " Photos from Library…",
                () -> commands.remove(photos));
        MenuItem trash = item("Move to Trash…", () -> commands.moveToTrash(photos));
        trash.setDisable(!commands.canTrash(photos));
        ContextMenu menu = new ContextMenu(open, show, copy, new SeparatorMenuItem(), similar, new SeparatorMenuItem(), remove,
                trash);
        menu.getStyleClass().add("photo-menu");
        return menu;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }
}
