package org.imageorganizer.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.services.PhotoTrash.Outcome;
import org.imageorganizer.services.PhotoTrash.Plan;
import org.imageorganizer.trash.FreedesktopTrash;
import org.imageorganizer.trash.Trash;
import org.imageorganizer.trash.TrashException;
import org.imageorganizer.trash.Volumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Move to Trash: every place of a photo listed and moved, the photo removed once none is left, nothing else touched. */
class TrashingPhotosTest {
    @TempDir
    Path dir;

    private final Photos library = new Photos();
    private final Map<Long, List<String>> places = new HashMap<>();

    private Path trashFolder() {
        return dir.resolve("home/.local/share/Trash");
    }

    private TrashingPhotos service(Trash trash) {
        return new TrashingPhotos(library, id -> places.getOrDefault(id, List.of()), library, Optional.of(trash));
    }

    private TrashingPhotos service() {
        return service(new FreedesktopTrash(trashFolder(), 1000, Clock.systemDefaultZone(), Volumes.UNIX));
    }

    private ImageRecord photo(long id, String... paths) throws IOException {
        byte[] content = ("content of photo " + id).getBytes();
        List<String> all = new ArrayList<>();
        for (String path : paths) {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            all.add(file.toString());
        }
        ImageRecord image = record(id, all.get(0), content.length, StorageKind.INDEXED);
        library.images.put(id, image);
        if (all.size() > 1) {
            places.put(id, all);
        }
        return image;
    }

    private static ImageRecord record(long id, String location, long size, StorageKind storage) {
        return new ImageRecord(id, "%064x".formatted(id), location, Path.of(location).getFileName().toString(), size, 100, 80,
                "jpeg", Instant.parse("2025-01-01T00:00:00Z"), new Classification(new Label("dog", 0.9),
                        new Label("beach", 0.8)), storage);
    }

    @Test
    void thePlanListsEveryPlaceOfEachPhotoAndSetsUploadsApart() throws IOException {
        photo(1, "a/one.jpg");
        photo(2, "b/two.jpg", "c/two copy.jpg", "d/two.jpg");
        library.images.put(3L, record(3, "ab/cd/3.jpg", 10, StorageKind.MANAGED));

        Plan plan = service().plan(List.of(2L, 1L, 3L, 99L));

        assertThat(plan.photos()).extracting(p -> p.image().id()).containsExactly(2L, 1L);
        assertThat(plan.files()).containsExactly(dir.resolve("b/two.jpg"), dir.resolve("c/two copy.jpg"),
                dir.resolve("d/two.jpg"), dir.resolve("a/one.jpg"));
        assertThat(plan.notFiles()).extracting(ImageRecord::id).containsExactly(3L);
    }

    @Test
    void movingPutsEveryFileInTheTrashAndRemovesThePhotos() throws Exception {
        photo(1, "a/one.jpg");
        photo(2, "b/two.jpg", "c/two.jpg");
        photo(3, "keeper.jpg");
        TrashingPhotos service = service();

        Outcome outcome = service.moveToTrash(service.plan(List.of(1L, 2L)));

        assertThat(outcome.moved()).containsExactly(dir.resolve("a/one.jpg"), dir.resolve("b/two.jpg"), dir.resolve("c/two.jpg"));
        assertThat(outcome.removed()).extracting(ImageRecord::id).containsExactly(1L, 2L);
        assertThat(outcome.left()).isEmpty();
        assertThat(library.removed).containsExactly(1L, 2L);
        assertThat(dir.resolve("a/one.jpg")).doesNotExist();
        assertThat(trashFolder().resolve("files/one.jpg")).hasContent("content of photo 1");
        assertThat(trashFolder().resolve("files/two.jpg")).exists();
        assertThat(trashFolder().resolve("files/two.2.jpg")).exists();
        assertThat(dir.resolve("keeper.jpg")).exists();
    }

    @Test
    void aFileThatVanishedCountsAsGoneAndThePhotoIsStillRemoved() throws Exception {
        photo(1, "a/one.jpg", "b/one.jpg");
        TrashingPhotos service = service();
        Plan plan = service.plan(List.of(1L));
        Files.delete(dir.resolve("b/one.jpg"));

        Outcome outcome = service.moveToTrash(plan);

        assertThat(outcome.moved()).containsExactly(dir.resolve("a/one.jpg"));
        assertThat(outcome.gone()).containsExactly(dir.resolve("b/one.jpg"));
        assertThat(library.removed).containsExactly(1L);
    }

    @Test
    void aFileThatChangedIsLeftAndItsPhotoStaysInTheLibrary() throws Exception {
        photo(1, "a/one.jpg", "b/one.jpg");
        TrashingPhotos service = service();
        Plan plan = service.plan(List.of(1L));
        Files.writeString(dir.resolve("b/one.jpg"), "edited since, and longer than before");

        Outcome outcome = service.moveToTrash(plan);

        assertThat(outcome.moved()).containsExactly(dir.resolve("a/one.jpg"));
        assertThat(outcome.left()).singleElement().satisfies(left -> {
            assertThat(left.file()).isEqualTo(dir.resolve("b/one.jpg"));
            assertThat(left.reason()).contains("changed since it was added").endsWith("left where it is.");
        });
        assertThat(dir.resolve("b/one.jpg")).hasContent("edited since, and longer than before");
        assertThat(outcome.kept()).extracting(ImageRecord::id).containsExactly(1L);
        assertThat(library.removed).isEmpty();
    }

    @Test
    void aFileTheTrashRefusesStaysAndSoDoesItsPhoto() throws Exception {
        photo(1, "a/one.jpg");
        photo(2, "b/two.jpg");
        Trash refusing = file -> {
            if (file.endsWith("two.jpg")) {
                throw new TrashException(file + " is on another drive that has no trash folder this program may use;"
                        + " it was left where it is.");
            }
            Files.move(file, dir.resolve("elsewhere-" + file.getFileName()));
        };
        TrashingPhotos service = service(refusing);

        Outcome outcome = service.moveToTrash(service.plan(List.of(1L, 2L)));

        assertThat(outcome.removed()).extracting(ImageRecord::id).containsExactly(1L);
        assertThat(outcome.kept()).extracting(ImageRecord::id).containsExactly(2L);
        assertThat(outcome.left()).singleElement().extracting(PhotoTrash.Left::reason).asString().contains("another drive");
        assertThat(dir.resolve("b/two.jpg")).exists();
        assertThat(library.removed).containsExactly(1L);
    }

    @Test
    void withoutATrashNothingIsOfferedOrMoved() throws IOException {
        photo(1, "a/one.jpg");
        TrashingPhotos none = new TrashingPhotos(library, id -> List.of(), library, Optional.empty());

        assertThat(none.available()).isFalse();
        assertThatThrownBy(() -> none.moveToTrash(none.plan(List.of(1L)))).isInstanceOf(IllegalStateException.class);
        assertThat(dir.resolve("a/one.jpg")).exists();
        assertThat(service().available()).isTrue();
    }

    /** The library's records, and removals recorded. */
    private static final class Photos extends InMemoryRecords implements ImageRemoval {
        final Map<Long, ImageRecord> images;
        final List<Long> removed = new ArrayList<>();

        Photos() {
            this(new HashMap<>());
        }

        private Photos(Map<Long, ImageRecord> images) {
            super(images);
            this.images = images;
        }

        @Override
        public Optional<Removed> remove(long id) {
            ImageRecord gone = images.remove(id);
            if (gone == null) {
                return Optional.empty();
            }
            removed.add(id);
            return Optional.of(new Removed(gone, false, RemoteOutcome.NONE));
        }
    }
}
