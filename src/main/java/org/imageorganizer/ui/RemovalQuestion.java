package org.imageorganizer.ui;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.StorageKind;

/**
 * The question before Remove from Library, wherever the window asks it: it names what goes (the file
 * name of one photo, the count and a list of the names of several), says that the user's files stay
 * where they are, and has Cancel as the default button, so that Enter never removes by accident. The
 * words are plain methods ({@link #header}, {@link #text}, {@link #action}); {@link #ask} is for the FX
 * thread.
 */
public final class RemovalQuestion {
    /** The safe button, the default one. */
    public static final String CANCEL = "Cancel";

    private RemovalQuestion() {
    }

    /** "Remove “IMG_0012.jpg” from the library?" or "Remove 3 photos from the library?" */
    public static String header(List<ImageRecord> images) {
        return images.size() == 1 ? "Remove “" + images.get(0).fileName() + "” from the library?"
                : "Remove " + TrashWording.plural(images.size(), "photo") + " from the library?";
    }

    /** What removing does and does not do, exactly. */
    public static String text(List<ImageRecord> images) {
        boolean one = images.size() == 1;
        long ownCopies = images.stream().filter(i -> i.storage() != StorageKind.INDEXED).count();
        long yours = images.size() - ownCopies;
        StringBuilder text = new StringBuilder();
        if (yours > 0) {
            text.append(one ? "The file stays" : yours == images.size() ? "The files stay"
                            : yours == 1 ? "Your file stays" : "Your files stay")
                    .append(" on your disk; only the library forgets ").append(one ? "it" : "them").append(".");
        }
        if (ownCopies > 0) {
            text.append(text.isEmpty() ? "" : " ")
                    .append(one ? "This photo was" : ownCopies == 1 ? "One photo was" : ownCopies + " photos were")
                    .append(" uploaded through the web page: the ").append(ownCopies == 1 ? "copy" : "copies")
                    .append(" the app keeps ").append(ownCopies == 1 ? "goes" : "go").append(" too.");
        }
        if (yours > 0) {
            text.append(" You can add ").append(one ? "it" : "them").append(" again later.");
        }
        return text.toString();
    }

    /** The confirming button: "Remove from Library", "Remove 3 Photos". */
    public static String action(List<ImageRecord> images) {
        return images.size() == 1 ? "Remove from Library" : "Remove " + images.size() + " Photos";
    }

    /** @return true when the user chose to remove */
    public static boolean ask(Window owner, List<ImageRecord> images) {
        return dialog(owner, images).showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .isPresent();
    }

    /** The question, not shown yet (tests look at it). */
    public static Alert dialog(Window owner, List<ImageRecord> images) {
        ButtonType yes = new ButtonType(action(images), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(CANCEL, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", yes, no);
        Label sentence = new Label(text(images));
        sentence.setWrapText(true);
        VBox content = new VBox(10, sentence);
        content.setPrefWidth(520);
        if (images.size() > 1) {
            ListView<String> names = new ListView<>(FXCollections.observableArrayList(
                    images.stream().map(ImageRecord::fileName).toList()));
            names.getStyleClass().add("removed-photos");
            names.setPrefHeight(Math.min(220, 28 + 24 * images.size()));
            names.setFocusTraversable(false);
            content.getChildren().add(names);
        }
        alert.getDialogPane().setContent(content);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("Remove from Library");
        alert.setHeaderText(header(images));
        alert.getDialogPane().setMinWidth(460);
        if (alert.getDialogPane().getScene().getWindow() instanceof Stage stage) {
            AppIcons.apply(stage);
        }
        ((Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        return alert;
    }
}
