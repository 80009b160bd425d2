package org.imageorganizer.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.trash.Trash;
import org.imageorganizer.trash.TrashException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PhotoTrash} over a {@link Trash}: the photos' places from the library, each file checked
 * (still there, still the size the library recorded) and moved, then {@link ImageRemoval} for each
 * photo none of whose files is left. A file whose size changed is another picture now and is left alone.
 */
public final class TrashingPhotos implements PhotoTrash {
    private static final Logger LOG = LoggerFactory.getLogger(TrashingPhotos.class);

    private final LibraryQueries library;
    private final LongFunction<List<String>> places;
    private final ImageRemoval removal;
    private final Optional<Trash> trash;

    /**
     * @param places  every place a photo's content was seen (the library's locations), by id
     * @param trash   the system trash, empty where there is none
     */
    public TrashingPhotos(LibraryQueries library, LongFunction<List<String>> places, ImageRemoval removal,
            Optional<Trash> trash) {
        this.library = Objects.requireNonNull(library, "library");
        this.places = Objects.requireNonNull(places, "places");
        this.removal = Objects.requireNonNull(removal, "removal");
        this.trash = Objects.requireNonNull(trash, "trash");
    }

    @Override
    public boolean available() {
        return trash.isPresent();
    }

    @Override
    public Plan plan(Collection<Long> imageIds) {
        Map<Long, ImageRecord> found = new HashMap<>();
        library.imagesByIds(new LinkedHashSet<>(imageIds)).forEach(image -> found.put(image.id(), image));
        List<PhotoFiles> photos = new ArrayList<>();
        List<ImageRecord> notFiles = new ArrayList<>();
        for (long id : new LinkedHashSet<>(imageIds)) {
            ImageRecord image = found.get(id);
            if (image == null) {
                continue;
            }
            if (image.storage() != StorageKind.INDEXED) {
                notFiles.add(image);
                continue;
            }
            Set<Path> files = new LinkedHashSet<>();
            files.add(Path.of(image.location()));
            places.apply(id).forEach(place -> files.add(Path.of(place)));
            photos.add(new PhotoFiles(image, List.copyOf(files)));
        }
        return new Plan(photos, notFiles);
    }

    @Override
    public Outcome moveToTrash(Plan plan) throws InterruptedException {
        Trash to = trash.orElseThrow(() -> new IllegalStateException("There is no trash on this computer."));
        List<Path> moved = new ArrayList<>();
        List<Path> gone = new ArrayList<>();
        List<Left> left = new ArrayList<>();
        List<ImageRecord> removed = new ArrayList<>();
        List<ImageRecord> kept = new ArrayList<>();
        for (PhotoFiles photo : plan.photos()) {
            boolean anyLeft = false;
            for (Path file : photo.files()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("stopped before " + file);
                }
                Optional<String> why = move(to, photo.image(), file, moved, gone);
                if (why.isPresent()) {
                    left.add(new Left(file, why.get()));
                    anyLeft = true;
                }
            }
            if (anyLeft) {
                kept.add(photo.image());
            } else {
                removal.remove(photo.image().id());
                removed.add(photo.image());
            }
        }
        return new Outcome(moved, gone, left, removed, kept);
    }

    /** Moves one file; empty when it is in the trash (or was gone already), else why it was left. */
    private static Optional<String> move(Trash to, ImageRecord image, Path file, List<Path> moved, List<Path> gone) {
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                gone.add(file);
                return Optional.empty();
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(file + " is not a plain file; it was left where it is.");
            }
            long size = Files.size(file);
            if (size != image.byteSize()) {
                return Optional.of(file + " changed since it was added to the library (" + size + " bytes, not "
                        + image.byteSize() + "); it was left where it is.");
            }
            to.moveToTrash(file);
            moved.add(file);
            LOG.info("Moved {} to the trash (image {})", file, image.id());
            return Optional.empty();
        } catch (NoSuchFileException e) {
            gone.add(file);
            return Optional.empty();
        } catch (TrashException e) {
            LOG.warn("{}", e.getMessage());
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            LOG.warn("Could not move {} to the trash: {}", file, e.toString());
            return Optional.of("Could not move " + file + " to the trash (" + e.getMessage() + "); it is where it was.");
        }
    }
}
