package org.imageorganizer.ui.main;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.ui.modelsetup.ModelSetupDialog;

/** MainWindowDialogs that open nothing and remember what the window asked for ("problem: title: sentence"…). */
final class RecordingDialogs implements MainWindowDialogs {
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean confirm = true;
    private volatile boolean categoriesChanged;
    private volatile Runnable onCall = () -> { };
    private volatile List<ImageRecord> removeAsked = List.of();
    private volatile Consumer<ImageRecord> previewClosed;
    private volatile ModelSetupDialog realModelSetup;

    private void record(String call) {
        calls.add(call);
        onCall.run();
    }

    /** Runs {@code listener} after each call is recorded (on the FX thread, where the window asks). */
    void onCall(Runnable listener) {
        onCall = listener;
    }

    @Override
    public void preview(Window owner, ImageRecord image, List<ImageRecord> neighbours) {
        record("preview: " + image.fileName());
    }

    @Override
    public void preview(Window owner, ImageRecord image, List<ImageRecord> neighbours, Consumer<ImageRecord> showSimilar,
            Consumer<ImageRecord> closed) {
        previewClosed = closed;
        preview(owner, image, neighbours);
    }

    /** What the window asked to be told when the last viewer closes (null: nothing). */
    Consumer<ImageRecord> previewClosed() {
        return previewClosed;
    }

    @Override
    public boolean settings(Window owner) {
        record("settings");
        return false;
    }

    @Override
    public boolean categories(Window owner) {
        record("categories");
        return categoriesChanged;
    }

    /** What Categories… answers: whether the user changed the categories (then the window sorts the library again). */
    void categoriesChanged(boolean changed) {
        categoriesChanged = changed;
    }

    @Override
    public void about(Window owner) {
        record("about");
    }

    @Override
    public void modelSetup(Window owner, Runnable onReady) {
        record("modelSetup");
        if (realModelSetup != null) {
            realModelSetup.show(owner, onReady);
        }
    }

    /** Shows this real first-run dialog as well when the window asks for the model (it is recorded all the same). */
    RecordingDialogs showingModelSetup(ModelSetupDialog dialog) {
        realModelSetup = dialog;
        return this;
    }

    @Override
    public boolean confirmRemove(Window owner, List<ImageRecord> images) {
        removeAsked = List.copyOf(images);
        record("confirmRemove: " + images.size());
        return confirm;
    }

    /** The photos the last Remove from Library question named. */
    List<ImageRecord> removeAsked() {
        return removeAsked;
    }

    @Override
    public boolean confirmTrash(Window owner, String header, String text, List<String> files, String action) {
        record("confirmTrash: " + header + " " + files);
        return confirm;
    }

    @Override
    public void problem(Window owner, String title, String sentence) {
        record("problem: " + title + ": " + sentence);
    }

    /** Whether {@link #confirmRemove} answers yes. */
    void confirm(boolean answer) {
        confirm = answer;
    }

    List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }
}
