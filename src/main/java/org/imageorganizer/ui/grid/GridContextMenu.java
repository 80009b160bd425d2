package org.imageorganizer.ui.grid;

import java.util.List;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.imageorganizer.model.CategoryKind;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.library.LibraryTreeBuilder;
import org.imageorganizer.ui.sorting.SortingViewModel;

/**
 * The context menu of the grid's thumbnails, for the photos it acts on: Open, Show in Folder, Copy
 * Path, Show Similar (one photo), Move to ▸ (the object and the background categories), Use the App's Choice ▸
 * (object or background), Remove from Library…, Move to Trash… (the one item that takes files
 * away; it lists them first). Open, Show in Folder and Move to Trash are disabled unless every photo is a
 * file on this computer (and, for the trash, the computer has one).
 */
final class GridContextMenu {
    private GridContextMenu() {
    }

    static ContextMenu forPhotos(List<ImageRecord> photos, PhotoCommands commands, SortingViewModel sorting) {
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
        List<Long> ids = photos.stream().map(ImageRecord::id).toList();
        ContextMenu menu = new ContextMenu(open, show, copy, new SeparatorMenuItem(), similar, new SeparatorMenuItem(),
                moveTo(ids, sorting), appChoice(ids, sorting), new SeparatorMenuItem(), remove, trash);
        menu.getStyleClass().add("photo-menu");
        return menu;
    }

    /** Move to ▸ with a section of object categories and one of background categories. */
    private static Menu moveTo(List<Long> ids, SortingViewModel sorting) {
        Menu menu = new Menu("Move to");
        menu.setId("moveToMenu");
        for (CategoryKind kind : CategoryKind.values()) {
            if (!menu.getItems().isEmpty()) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            MenuItem heading = new MenuItem(kind == CategoryKind.OBJECT ? "What it shows" : "Where");
            heading.setDisable(true);
            heading.getStyleClass().add("menu-heading");
            menu.getItems().add(heading);
            for (String category : sorting.categories(kind)) {
                menu.getItems().add(item(LibraryTreeBuilder.display(category), () -> sorting.moveTo(ids, kind, category)));
            }
        }
        menu.setDisable(sorting.objects().isEmpty());
        return menu;
    }

    /** Use the App's Choice ▸ What It Shows / Where. */
    private static Menu appChoice(List<Long> ids, SortingViewModel sorting) {
        Menu menu = new Menu("Use the App's Choice");
        menu.getItems().addAll(item("What It Shows", () -> sorting.useAppChoice(ids, CategoryKind.OBJECT)),
                item("Where", () -> sorting.useAppChoice(ids, CategoryKind.BACKGROUND)));
        return menu;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }
}
