package org.imageorganizer.ui.duplicates;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.services.PhotoDuplicates;
import org.imageorganizer.services.PhotoDuplicates.PhotoStack;
import org.imageorganizer.services.PhotoDuplicates.StackedPhoto;
import org.imageorganizer.services.PhotoTrash;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.TaskExecutor;
import org.imageorganizer.ui.TrashWording;
import org.imageorganizer.ui.preview.PreviewViewModel;

/**
 * The Duplicates view: the library's stacks, largest first, read in the background; the photo to keep
 * in each (the suggested keeper until the user picks another); "Keep This, Remove Others from Library"
 * through {@link PhotoDuplicates#resolve} after a confirmation that says what happens, and "Move to
 * Trash…" for the others through {@link PhotoTrash}, after a confirmation listing every file. A stack
 * that changed since it was read is said so and everything is read again. UI thread only.
 */
public final class DuplicatesViewModel {
    static final String EMPTY = "No duplicates in your library";

    private final PhotoDuplicates duplicates;
    private final PhotoTrash trash;
    private final TaskExecutor executor;
    private final DuplicatesPrompts prompts;
    private final ObservableList<StackEntry> stacks = FXCollections.observableArrayList();
    private final BooleanProperty exactOnly = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper trashAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private TaskExecutor.Cancellable reading;
    private long generation;

    private record Loaded(List<PhotoStack> stacks, boolean trash) {
    }

    public DuplicatesViewModel(PhotoDuplicates duplicates, PhotoTrash trash, TaskExecutor executor, DuplicatesPrompts prompts) {
        this.duplicates = Objects.requireNonNull(duplicates, "duplicates");
        this.trash = Objects.requireNonNull(trash, "trash");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        exactOnly.addListener((o, was, now) -> load());
    }

    /** Reads the stacks (again) in the background; an older read still under way is dropped. */
    public void load() {
        if (reading != null) {
            reading.cancel();
        }
        long mine = ++generation;
        boolean exact = exactOnly.get();
        loading.set(true);
        empty.set(false);
        summary.set("Looking for duplicates…");
        reading = executor.submit(() -> new Loaded(duplicates.stacks(exact), trash.available()), loaded -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            trashAvailable.set(loaded.trash());
            stacks.setAll(loaded.stacks().stream().map(StackEntry::new).toList());
            showCount();
        }, error -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            summary.set("");
            message.set("Could not look for duplicates: " + Notices.reason(error));
        });
    }

    private void showCount() {
        long removable = stacks.stream().filter(StackEntry::resolvable).count();
        long places = stacks.size() - removable;
        empty.set(stacks.isEmpty());
        if (stacks.isEmpty()) {
            summary.set(EMPTY);
            return;
        }
        List<String> parts = new ArrayList<>();
        if (removable > 0) {
            parts.add(plural(removable, "stack") + " of duplicates");
        }
        if (places > 0) {
            parts.add(plural(places, "photo") + " in several places");
        }
        summary.set(String.join(" · ", parts));
    }

    /** The user keeps this photo of the stack instead. */
    public void keep(StackEntry entry, long imageId) {
        if (entry.members().stream().anyMatch(m -> m.image().id() == imageId)) {
            entry.keep(imageId);
        }
    }

    /** "Keep This, Remove Others from Library": asks, then removes the others from the library (never their files). */
    public void removeOthers(StackEntry entry) {
        if (!entry.resolvable() || entry.busyProperty().get()) {
            return;
        }
        StackedPhoto kept = entry.kept();
        List<StackedPhoto> others = entry.others();
        String what = plural(others.size(), "photo");
        String header = "Keep “" + kept.image().fileName() + "” and remove " + what + " from the library?";
        if (!prompts.confirmRemove(header, removalText(others), "Remove " + what + " from Library")) {
            return;
        }
        List<Long> ids = others.stream().map(m -> m.image().id()).toList();
        entry.busy(true);
        executor.submit(() -> duplicates.resolve(entry.stack().token(), kept.image().id(), ids), resolved -> {
            entry.busy(false);
            stacks.remove(entry);
            showCount();
            message.set("Kept “" + kept.image().fileName() + "”; " + plural(resolved.removed().size(), "photo")
                    + (resolved.removed().size() == 1 ? " was" : " were") + " removed from the library.");
        }, error -> {
            entry.busy(false);
            if (error instanceof PhotoDuplicates.StackChangedException) {
                message.set("This stack changed since it was read, so nothing was removed; the duplicates were read again.");
                load();
            } else {
                message.set("Could not remove the photos: " + Notices.reason(error));
            }
        });
    }

    /** What removing these photos from the library does, exactly. */
    static String removalText(List<StackedPhoto> others) {
        long uploads = others.stream().filter(m -> m.image().storage() != StorageKind.INDEXED).count();
        long files = others.size() - uploads;
        StringBuilder text = new StringBuilder(plural(others.size(), "photo") + " will be removed from the library.");
        if (uploads == 0) {
            text.append(others.size() == 1 ? " Its file stays on disk." : " Their files stay on disk.");
        } else {
            if (files > 0) {
                text.append(" ").append(files == 1 ? "The file of 1 of them stays" : "The files of " + files + " of them stay")
                        .append(" on disk.");
            }
            text.append(" ").append(uploads == 1 ? "1 is an upload" : uploads + " are uploads")
                    .append(" kept by the server: the server's own copy is deleted with it.");
        }
        return text.toString();
    }

    /** "Move to Trash…" for the photos not kept: lists every file, asks, then moves them and reads the stacks again. */
    public void trashOthers(StackEntry entry) {
        if (!entry.resolvable() || entry.busyProperty().get() || !trashAvailable.get()) {
            return;
        }
        StackedPhoto kept = entry.kept();
        List<Long> ids = entry.others().stream().map(m -> m.image().id()).toList();
        entry.busy(true);
        executor.submit(() -> trash.plan(ids), plan -> {
            entry.busy(false);
            if (plan.files().isEmpty()) {
                message.set("None of these photos is a file on this computer: use Keep This, Remove Others from Library.");
                return;
            }
            if (prompts.confirmTrash(trashHeader(plan), trashText(plan, kept), plan.files().stream().map(Path::toString).toList(),
                    TrashWording.action(plan))) {
                moveToTrash(entry, plan);
            }
        }, error -> {
            entry.busy(false);
            message.set("Could not list the files: " + Notices.reason(error));
        });
    }

    private void moveToTrash(StackEntry entry, PhotoTrash.Plan plan) {
        entry.busy(true);
        executor.submit(() -> trash.moveToTrash(plan), outcome -> {
            entry.busy(false);
            message.set(outcomeText(outcome));
            load();
        }, error -> {
            entry.busy(false);
            message.set("Could not move the files to the trash: " + Notices.reason(error));
            load();
        });
    }

    static String trashHeader(PhotoTrash.Plan plan) {
        return TrashWording.header(plan);
    }

    /** What moving to the trash does, exactly. */
    static String trashText(PhotoTrash.Plan plan, StackedPhoto kept) {
        return TrashWording.text(plan, kept.image().fileName());
    }

    static String outcomeText(PhotoTrash.Outcome outcome) {
        return TrashWording.outcome(outcome);
    }

    static String plural(long count, String word) {
        return TrashWording.plural(count, word);
    }

    /** Stops a read nobody will see. */
    public void close() {
        generation++;
        if (reading != null) {
            reading.cancel();
        }
    }

    public ObservableList<StackEntry> stacks() {
        return stacks;
    }

    /** "Exact copies only": only photos whose very content is in several places; changing it reads again. */
    public BooleanProperty exactOnlyProperty() {
        return exactOnly;
    }

    /** Whether the stacks are being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Whether the last read found no duplicates. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** Whether this computer has a trash: when not, Move to Trash is not offered. */
    public ReadOnlyBooleanProperty trashAvailableProperty() {
        return trashAvailable.getReadOnlyProperty();
    }

    /** "3 stacks of duplicates · 1 photo in several places", {@value #EMPTY}, or "Looking for duplicates…". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the last action did, or why it did not; empty at first. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The facts line of a photo: "1.2 MB · 4000 × 3000 pixels (12.0 MP) · JPEG". */
    public static String facts(ImageRecord image) {
        return PreviewViewModel.fileSize(image.byteSize()) + " · " + PreviewViewModel.dimensions(image.width(), image.height())
                + (image.format() == null ? "" : " · " + image.format().toUpperCase(Locale.ROOT));
    }
}
