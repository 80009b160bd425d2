package org.imageorganizer.ui.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.services.ImageRemoval;
import org.imageorganizer.services.PhotoDuplicates;
import org.imageorganizer.services.PhotoDuplicates.PhotoStack;
import org.imageorganizer.services.PhotoDuplicates.StackedPhoto;
import org.imageorganizer.services.PhotoTrash;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;

/** The Duplicates view's model over fake services, everything on the test's thread. */
class DuplicatesViewModelTest {
    private final FakeDuplicates duplicates = new FakeDuplicates();
    private final FakeTrash trash = new FakeTrash();
    private final RecordingPrompts prompts = new RecordingPrompts();
    private final DuplicatesViewModel model = new DuplicatesViewModel(duplicates, trash, new SameThreadTaskExecutor(), prompts);

    private static ImageRecord image(long id, String name, StorageKind storage) {
        return new ImageRecord(id, "%064x".formatted(id), "/photos/" + name, name, 2_500_000, 4000, 3000, "jpeg",
                Instant.parse("2025-01-01T00:00:00Z"), new Classification(new Label("dog", 0.9), new Label("beach", 0.8)),
                storage);
    }

    private static StackedPhoto keeper(long id, String name) {
        return new StackedPhoto(image(id, name, StorageKind.INDEXED), List.of("/photos/" + name), List.of(), null);
    }

    private static StackedPhoto other(long id, String name, String why) {
        return new StackedPhoto(image(id, name, StorageKind.INDEXED), List.of("/photos/" + name), List.of("resized"), why);
    }

    /** A stack of four: the keeper 1 and three others. */
    private static PhotoStack four() {
        return new PhotoStack("1-2-3-4.abc", keeper(1, "beach.jpg"), List.of(other(2, "beach-small.jpg", "Same picture, resized"),
                other(3, "beach.png", "Same picture, converted to PNG"), other(4, "beach-turned.jpg", "Same picture, rotated")));
    }

    private static PhotoStack two() {
        return new PhotoStack("5-6.def", keeper(5, "dog.jpg"), List.of(other(6, "dog copy.jpg", "Same picture, re-saved")));
    }

    /** One photo in three places. */
    private static PhotoStack places() {
        return new PhotoStack("7.ghi", new StackedPhoto(image(7, "cat.jpg", StorageKind.INDEXED),
                List.of("/a/cat.jpg", "/b/cat.jpg", "/c/cat.jpg"), List.of(), null), List.of());
    }

    @Test
    void theStacksAreShownAsReadWithTheSuggestedKeeperAndACount() {
        duplicates.stacks = List.of(four(), two(), places());

        model.load();

        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.stacks()).extracting(e -> e.stack().token()).containsExactly("1-2-3-4.abc", "5-6.def", "7.ghi");
        assertThat(model.stacks().get(0).keepProperty().get()).isEqualTo(1);
        assertThat(model.stacks().get(0).title()).isEqualTo("4 copies of “beach.jpg”");
        assertThat(model.stacks().get(2).title()).isEqualTo("“cat.jpg” is in 3 places");
        assertThat(model.stacks().get(2).resolvable()).isFalse();
        assertThat(model.summaryProperty().get()).isEqualTo("2 stacks of duplicates · 1 photo in several places");
        assertThat(model.emptyProperty().get()).isFalse();
        assertThat(duplicates.exactOnlyAsked).containsExactly(false);
    }

    @Test
    void aLibraryWithoutDuplicatesSaysSo() {
        model.load();

        assertThat(model.stacks()).isEmpty();
        assertThat(model.emptyProperty().get()).isTrue();
        assertThat(model.summaryProperty().get()).isEqualTo("No duplicates in your library");
    }

    @Test
    void exactCopiesOnlyReadsAgainWithTheFilter() {
        duplicates.stacks = List.of(places());
        model.load();

        model.exactOnlyProperty().set(true);

        assertThat(duplicates.exactOnlyAsked).containsExactly(false, true);
    }

    @Test
    void aFailedReadIsSaidInASentence() {
        duplicates.failure = new IllegalStateException("The library could not be opened.");

        model.load();

        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).startsWith("Could not look for duplicates: The library could not be opened");
    }

    @Test
    void keepThisRemovesTheOthersAfterSayingExactlyWhatHappens() {
        duplicates.stacks = List.of(four(), two());
        model.load();
        StackEntry stack = model.stacks().get(0);

        model.keep(stack, 3);
        model.removeOthers(stack);

        assertThat(prompts.headers).containsExactly("Keep “beach.png” and remove 3 photos from the library?");
        assertThat(prompts.texts).containsExactly("3 photos will be removed from the library. Their files stay on disk.");
        assertThat(prompts.actions).containsExactly("Remove 3 photos from Library");
        assertThat(duplicates.resolved).containsExactly("1-2-3-4.abc keep 3 remove [1, 2, 4]");
        assertThat(model.stacks()).extracting(e -> e.stack().token()).containsExactly("5-6.def");
        assertThat(model.messageProperty().get()).isEqualTo("Kept “beach.png”; 3 photos were removed from the library.");
        assertThat(model.summaryProperty().get()).isEqualTo("1 stack of duplicates");
    }

    @Test
    void aPhotoNotInTheStackCannotBeKept() {
        duplicates.stacks = List.of(two());
        model.load();

        model.keep(model.stacks().get(0), 99);

        assertThat(model.stacks().get(0).keepProperty().get()).isEqualTo(5);
    }

    @Test
    void cancellingTheConfirmationRemovesNothing() {
        duplicates.stacks = List.of(two());
        model.load();
        prompts.answer = false;

        model.removeOthers(model.stacks().get(0));

        assertThat(prompts.texts).containsExactly("1 photo will be removed from the library. Its file stays on disk.");
        assertThat(duplicates.resolved).isEmpty();
        assertThat(model.stacks()).hasSize(1);
    }

    @Test
    void uploadsAreSaidToLoseTheServersCopy() {
        StackedPhoto upload = new StackedPhoto(image(9, "upload.jpg", StorageKind.MANAGED), List.of(), List.of("resized"), "x");
        assertThat(DuplicatesViewModel.removalText(List.of(other(2, "a.jpg", "x"), upload))).isEqualTo(
                "2 photos will be removed from the library. The file of 1 of them stays on disk. 1 is an upload kept by the"
                        + " server: the server's own copy is deleted with it.");
    }

    @Test
    void aStackThatChangedIsSaidAndEverythingIsReadAgain() {
        duplicates.stacks = List.of(two());
        model.load();
        duplicates.changed = true;
        duplicates.stacks = List.of(four());

        model.removeOthers(model.stacks().get(0));

        assertThat(model.messageProperty().get()).isEqualTo(
                "This stack changed since it was read, so nothing was removed; the duplicates were read again.");
        assertThat(duplicates.exactOnlyAsked).hasSize(2);
        assertThat(model.stacks()).extracting(e -> e.stack().token()).containsExactly("1-2-3-4.abc");
        assertThat(model.stacks().get(0).busyProperty().get()).isFalse();
    }

    @Test
    void moveToTrashListsEveryFileOfTheOthersThenMovesThemAndReadsAgain() {
        duplicates.stacks = List.of(four());
        model.load();
        StackEntry stack = model.stacks().get(0);
        model.keep(stack, 2);

        model.trashOthers(stack);

        assertThat(trash.planned).containsExactly(List.of(1L, 3L, 4L));
        assertThat(prompts.headers).containsExactly("Move 4 files to the trash?");
        assertThat(prompts.files).containsExactly(List.of("/photos/beach.jpg", "/elsewhere/beach.jpg", "/photos/beach.png",
                "/photos/beach-turned.jpg"));
        assertThat(prompts.texts.get(0)).isEqualTo("These files go to the system trash, where you can restore them, and their"
                + " 3 photos leave the library. A photo found in several places goes from every place listed."
                + " “beach-small.jpg” is kept.");
        assertThat(prompts.actions).containsExactly("Move 4 Files to Trash");
        assertThat(trash.moved).hasSize(1);
        assertThat(model.messageProperty().get()).isEqualTo("4 files were moved to the trash; 3 photos left the library.");
        assertThat(duplicates.exactOnlyAsked).hasSize(2);
    }

    @Test
    void movingToTrashNeedsTheUsersYes() {
        duplicates.stacks = List.of(two());
        model.load();
        prompts.answer = false;

        model.trashOthers(model.stacks().get(0));

        assertThat(prompts.files).hasSize(1);
        assertThat(trash.moved).isEmpty();
    }

    @Test
    void withoutATrashMoveToTrashIsNotOffered() {
        trash.available = false;
        duplicates.stacks = List.of(two());
        model.load();

        model.trashOthers(model.stacks().get(0));

        assertThat(model.trashAvailableProperty().get()).isFalse();
        assertThat(trash.planned).isEmpty();
        assertThat(prompts.files).isEmpty();
    }

    @Test
    void filesLeftWhereTheyWereAreSaid() {
        PhotoTrash.Outcome outcome = new PhotoTrash.Outcome(List.of(Path.of("/a.jpg")), List.of(),
                List.of(new PhotoTrash.Left(Path.of("/usb/b.jpg"), "/usb/b.jpg is on another drive; it was left where it is.")),
                List.of(image(1, "a.jpg", StorageKind.INDEXED)), List.of(image(2, "b.jpg", StorageKind.INDEXED)));
        assertThat(DuplicatesViewModel.outcomeText(outcome)).isEqualTo("1 file was moved to the trash; 1 photo left the library."
                + " 1 file was left where it was, and 1 photo stays in the library: /usb/b.jpg is on another drive; it was left"
                + " where it is.");
    }

    private static final class FakeDuplicates implements PhotoDuplicates {
        List<PhotoStack> stacks = List.of();
        final List<Boolean> exactOnlyAsked = new ArrayList<>();
        final List<String> resolved = new ArrayList<>();
        RuntimeException failure;
        boolean changed;

        @Override
        public List<PhotoStack> stacks(boolean exactOnly) {
            exactOnlyAsked.add(exactOnly);
            if (failure != null) {
                throw failure;
            }
            return stacks;
        }

        @Override
        public List<Long> nearDuplicatesOf(long imageId) {
            return List.of();
        }

        @Override
        public Resolved resolve(String token, long keep, List<Long> remove) {
            if (changed) {
                throw new StackChangedException("A photo of this stack changed since the stack was read; read it again.");
            }
            resolved.add(token + " keep " + keep + " remove " + remove);
            return new Resolved(keep, remove.stream().map(id -> new ImageRemoval.Removed(image(id, id + ".jpg",
                    StorageKind.INDEXED), false, ImageRemoval.RemoteOutcome.NONE)).toList());
        }
    }

    /** Photo 1 is in two places; every file moves. */
    private static final class FakeTrash implements PhotoTrash {
        boolean available = true;
        final List<List<Long>> planned = new ArrayList<>();
        final List<Plan> moved = new ArrayList<>();

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public Plan plan(Collection<Long> imageIds) {
            planned.add(List.copyOf(imageIds));
            List<PhotoFiles> photos = new ArrayList<>();
            for (long id : imageIds) {
                ImageRecord record = new StackEntry(four()).members().stream().filter(p -> p.image().id() == id).findFirst()
                        .map(StackedPhoto::image).orElse(two().others().get(0).image());
                List<Path> files = new ArrayList<>(List.of(Path.of(record.location())));
                if (id == 1) {
                    files.add(Path.of("/elsewhere/beach.jpg"));
                }
                photos.add(new PhotoFiles(record, files));
            }
            return new Plan(photos, List.of());
        }

        @Override
        public Outcome moveToTrash(Plan plan) {
            moved.add(plan);
            return new Outcome(plan.files(), List.of(), List.of(), plan.photos().stream().map(PhotoFiles::image).toList(),
                    List.of());
        }
    }

    private static final class RecordingPrompts implements DuplicatesPrompts {
        boolean answer = true;
        final List<String> headers = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        final List<String> actions = new ArrayList<>();
        final List<List<String>> files = new ArrayList<>();

        @Override
        public boolean confirmRemove(String header, String text, String action) {
            headers.add(header);
            texts.add(text);
            actions.add(action);
            return answer;
        }

        @Override
        public boolean confirmTrash(String header, String text, List<String> paths, String action) {
            headers.add(header);
            texts.add(text);
            actions.add(action);
            files.add(paths);
            return answer;
        }
    }
}
