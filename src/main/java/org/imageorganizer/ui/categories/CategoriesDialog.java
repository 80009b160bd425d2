package org.imageorganizer.ui.categories;

import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.services.LibrarySorting;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.ViewLoader;

/** Settings → Categories: the library's categories and how sure the app must be, with what a change would move. */
public final class CategoriesDialog {
    private final Supplier<LibrarySorting> sorting;
    private final TaskExecutor executor;

    public CategoriesDialog(Supplier<LibrarySorting> sorting, TaskExecutor executor) {
        this.sorting = sorting;
        this.executor = executor;
    }

    /** Shows the dialog and waits for it; true when the categories were changed. */
    public boolean showAndWait(Window owner) {
        CategoriesDialogController controller = new CategoriesDialogController(new CategoriesViewModel(sorting, executor));
        build(owner, controller).showAndWait();
        return controller.saved();
    }

    /** Shows the dialog without waiting for it (UI tests); {@code onSaved} runs when OK saved a change. */
    public Stage show(Window owner, Runnable onSaved) {
        CategoriesDialogController controller = new CategoriesDialogController(new CategoriesViewModel(sorting, executor));
        Stage stage = build(owner, controller);
        stage.setOnHidden(e -> {
            if (controller.saved()) {
                onSaved.run();
            }
        });
        stage.show();
        return stage;
    }

    private static Stage build(Window owner, CategoriesDialogController controller) {
        Parent root = ViewLoader.load("CategoriesDialog", controller);
        Stage stage = ViewLoader.dialogStage(owner, "Categories", root);
        stage.setMinWidth(620);
        stage.setMinHeight(520);
        return stage;
    }
}
