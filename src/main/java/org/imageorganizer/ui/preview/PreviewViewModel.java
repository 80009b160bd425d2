package org.imageorganizer.ui.preview;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.image.Image;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.services.ImageFiles;
import org.imageorganizer.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One image shown large: its picture (made in the background; a newer image wins over an older
 * request; the small thumbnail first, at once, while the large picture is made), its zoom
 * ({@link PictureZoom}), its categories with their confidences, when and with which camera it was
 * taken, its file facts, and moving to the previous or next image of the list it was opened from.
 */
public final class PreviewViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(PreviewViewModel.class);

    /** What the picture area shows. */
    public enum State {
        /** The picture is being made ({@link #pictureProperty()} may hold the small thumbnail meanwhile). */
        LOADING,
        /** The picture is there. */
        SHOWN,
        /** The file is gone: {@link #messageProperty()} says so instead of a picture. */
        MISSING,
        /** The file is there but cannot be shown: {@link #messageProperty()} says why. */
        FAILED
    }

    /** Makes the picture of an image; runs in the background. */
    @FunctionalInterface
    public interface PictureSource {
        Image picture(ImageRecord image) throws Exception;
    }

    private record Loaded(boolean exists, Image picture) {
    }

    private final ImageFiles files;
    private final TaskExecutor executor;
    private final PictureSource source;
    private final PictureSource quick;
    private PictureSource full;
    private boolean fullAsked;
    private final ReadOnlyBooleanWrapper sharpening = new ReadOnlyBooleanWrapper();
    private final PictureZoom zoom = new PictureZoom();
    private final List<ImageRecord> images;
    private final ZoneId zone;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
    private final ObjectProperty<ImageRecord> image = new SimpleObjectProperty<>();
    private final ObjectProperty<Image> picture = new SimpleObjectProperty<>();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.LOADING);
    private final StringProperty message = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasLocalFile = new ReadOnlyBooleanWrapper();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty objectText = new SimpleStringProperty("");
    private final StringProperty backgroundText = new SimpleStringProperty("");
    private final StringProperty dimensionsText = new SimpleStringProperty("");
    private final StringProperty sizeText = new SimpleStringProperty("");
    private final StringProperty formatText = new SimpleStringProperty("");
    private final StringProperty locationText = new SimpleStringProperty("");
    private final StringProperty addedText = new SimpleStringProperty("");
    private final StringProperty takenText = new SimpleStringProperty("");
    private final StringProperty cameraText = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper sharp = new ReadOnlyBooleanWrapper();
    private final StringProperty positionText = new SimpleStringProperty("");
    private TaskExecutor.Cancellable loading;
    private TaskExecutor.Cancellable loadingQuick;
    private TaskExecutor.Cancellable loadingFull;

    /**
     * @param first      the image to show first
     * @param neighbours the list to move through with previous / next (usually the grid's images);
     *                   when it does not hold {@code first}, only {@code first} is shown
     */
    public PreviewViewModel(ImageFiles files, TaskExecutor executor, PictureSource source, ImageRecord first,
            List<ImageRecord> neighbours, ZoneId zone) {
        this(files, executor, source, null, first, neighbours, zone);
    }

    /**
     * @param source     makes the large picture (slow the first time)
     * @param quick      makes a small picture shown at once while the large one is made (the grid's
     *                   thumbnail, usually cached); null: none
     * @param first      the image to show first
     * @param neighbours the list to move through with previous / next (usually the grid's images);
     *                   when it does not hold {@code first}, only {@code first} is shown
     */
    public PreviewViewModel(ImageFiles files, TaskExecutor executor, PictureSource source, PictureSource quick,
            ImageRecord first, List<ImageRecord> neighbours, ZoneId zone) {
        this.files = files;
        this.executor = executor;
        this.source = source;
        this.quick = quick;
        this.zone = zone;
        zoom.fittingProperty().addListener(o -> sharpenWhenZoomed());
        zoom.scaleProperty().addListener(o -> sharpenWhenZoomed());
        int at = indexOf(neighbours, first);
        this.images = at < 0 ? List.of(first) : List.copyOf(new ArrayList<>(neighbours));
        show(Math.max(0, at));
    }

    private static int indexOf(List<ImageRecord> list, ImageRecord wanted) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id() == wanted.id()) {
                return i;
            }
        }
        return -1;
    }

    /** Shows the previous image of the list, if there is one. */
    public void previous() {
        if (hasPrevious.get()) {
            show(index.get() - 1);
        }
    }

    /** Shows the next image of the list, if there is one. */
    public void next() {
        if (hasNext.get()) {
            show(index.get() + 1);
        }
    }

    private void show(int at) {
        ImageRecord shown = images.get(at);
        index.set(at);
        image.set(shown);
        hasPrevious.set(at > 0);
        hasNext.set(at < images.size() - 1);
        Optional<Path> local = files.localFile(shown);
        hasLocalFile.set(local.isPresent());
        title.set(shown.fileName());
        objectText.set(PhotoFacts.label(shown.classification().object()));
        backgroundText.set(PhotoFacts.label(shown.classification().background()));
        dimensionsText.set(dimensions(shown.width(), shown.height()));
        sizeText.set(fileSize(shown.byteSize()));
        formatText.set(shown.format() == null ? "unknown" : shown.format().toUpperCase(Locale.ROOT));
        locationText.set(local.map(Path::toString).orElse(shown.location()));
        addedText.set(PhotoFacts.added(shown.importedAt(), zone));
        takenText.set(PhotoFacts.taken(shown.metadata()));
        cameraText.set(shown.metadata().camera() == null ? "Not recorded in the photo" : shown.metadata().camera());
        zoom.setPhoto(shown.width(), shown.height());
        positionText.set(images.size() == 1 ? "" : (at + 1) + " of " + images.size());
        load(shown);
    }

    /**
     * Makes the photo at its own resolution when the zoom asks for more pixels than the large picture has
     * ({@code full} answers null when it cannot: the large picture stays).
     */
    public void sharpenWith(PictureSource full) {
        this.full = full;
        sharpenWhenZoomed();
    }

    private void sharpenWhenZoomed() {
        Image shown = picture.get();
        ImageRecord current = image.get();
        if (full == null || fullAsked || state.get() != State.SHOWN || shown == null || current == null
                || current.width() <= 0 || zoom.shownScale() <= shown.getWidth() / current.width() * 1.02) {
            return;
        }
        fullAsked = true;
        sharpening.set(true);
        loadingFull = executor.submit(() -> full.picture(current), large -> {
            if (current.equals(image.get())) {
                sharpening.set(false);
                if (large != null) {
                    picture.set(large);
                }
            }
        }, error -> {
            if (current.equals(image.get())) {
                sharpening.set(false);
            }
            LOG.info("Cannot show image {} at full size: {}", current.id(), error.toString());
        });
    }

    private void load(ImageRecord wanted) {
        cancelLoading();
        fullAsked = false;
        sharpening.set(false);
        picture.set(null);
        sharp.set(false);
        message.set("");
        state.set(State.LOADING);
        if (quick != null) {
            loadingQuick = executor.submit(() -> quick.picture(wanted), small -> {
                if (wanted.equals(image.get()) && state.get() == State.LOADING && small != null) {
                    picture.set(small);
                }
            }, error -> LOG.debug("No thumbnail of image {} for the viewer: {}", wanted.id(), error.toString()));
        }
        loading = executor.submit(() -> {
            if (!files.exists(wanted)) {
                return new Loaded(false, null);
            }
            return new Loaded(true, source.picture(wanted));
        }, loaded -> {
            if (!wanted.equals(image.get())) {
                return; // the user has moved on
            }
            if (loaded.exists()) {
                picture.set(loaded.picture());
                sharp.set(true);
                state.set(State.SHOWN);
                sharpenWhenZoomed(); // zoomed in before the picture came
            } else {
                missing(wanted);
            }
        }, error -> {
            if (!wanted.equals(image.get())) {
                return;
            }
            if (error instanceof NoSuchFileException) {
                missing(wanted);
                return;
            }
            LOG.info("Cannot preview image {} ({}): {}", wanted.id(), wanted.location(), error.toString());
            LOG.debug("Preview failure", error);
            String reason = error.getMessage() == null || error.getMessage().isBlank() ? "it could not be read" : error.getMessage();
            picture.set(null);
            message.set("This photo cannot be shown: " + PhotoFacts.sentence(reason));
            state.set(State.FAILED);
        });
    }

    private void missing(ImageRecord wanted) {
        picture.set(null);
        message.set("The file is no longer at " + locationText.get()
                + ". It may have been moved, renamed or deleted; the library still lists it.");
        state.set(State.MISSING);
    }

    /** Stops making a picture nobody will see. */
    public void close() {
        cancelLoading();
    }

    private void cancelLoading() {
        if (loadingQuick != null) {
            loadingQuick.cancel();
            loadingQuick = null;
        }
        if (loading != null) {
            loading.cancel();
        }
        if (loadingFull != null) {
            loadingFull.cancel();
            loadingFull = null;
        }
    }

    /** The shown image's file, when it is a file on this computer. */
    public Optional<Path> localFile() {
        return image.get() == null ? Optional.empty() : files.localFile(image.get());
    }

    /** "900 bytes", "300 KB", "1.5 MB": also the Duplicates view's. */
    public static String fileSize(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024L * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }

    /** "4000 × 3000 pixels (12.0 MP)": also the Duplicates view's. */
    public static String dimensions(int width, int height) {
        double megapixels = (double) width * height / 1_000_000;
        return width + " × " + height + " pixels" + (megapixels >= 0.1
                ? String.format(Locale.ROOT, " (%.1f MP)", megapixels) : "");
    }

    public ReadOnlyObjectProperty<ImageRecord> imageProperty() {
        return image;
    }

    public ReadOnlyObjectProperty<Image> pictureProperty() {
        return picture;
    }

    /** True once the large picture is shown; false while the thumbnail stands in for it. */
    public ReadOnlyBooleanProperty sharpProperty() {
        return sharp.getReadOnlyProperty();
    }

    /** True while the photo is being made at its own resolution for a zoom. */
    public ReadOnlyBooleanProperty sharpeningProperty() {
        return sharpening.getReadOnlyProperty();
    }

    /** The picture's zoom and pan. */
    public PictureZoom zoom() {
        return zoom;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    /** Why there is no picture (missing file, unreadable image); empty otherwise. */
    public StringProperty messageProperty() {
        return message;
    }

    /** The position of the shown image in the list (0-based). */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }

    /** Whether Open and Show in Folder can work (the storage has a local file). */
    public ReadOnlyBooleanProperty hasLocalFileProperty() {
        return hasLocalFile.getReadOnlyProperty();
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty objectTextProperty() {
        return objectText;
    }

    public StringProperty backgroundTextProperty() {
        return backgroundText;
    }

    public StringProperty dimensionsTextProperty() {
        return dimensionsText;
    }

    public StringProperty sizeTextProperty() {
        return sizeText;
    }

    public StringProperty formatTextProperty() {
        return formatText;
    }

    public StringProperty locationTextProperty() {
        return locationText;
    }

    public StringProperty addedTextProperty() {
        return addedText;
    }

    /** When the photo was taken ("(file date)" when only the file's time is known). */
    public StringProperty takenTextProperty() {
        return takenText;
    }

    /** The camera, as people name it. */
    public StringProperty cameraTextProperty() {
        return cameraText;
    }

    /** "3 of 12", or empty for a single image. */
    public StringProperty positionTextProperty() {
        return positionText;
    }
}
