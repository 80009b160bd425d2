package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.imageorganizer.model.EmbeddedImage;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.model.SubCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("database")
class ImageRepositoryTest {

    @TempDir
    Path dir;
    private LibraryDatabase library;
    private ImageRepository images;

    @BeforeAll
    static void quiet() {
        QuietLogging.apply();
    }

    @BeforeEach
    void open() {
        library = database(dir).open();
        images = library.images();
    }

    /** Where the library lives; the PostgreSQL subclass overrides it. */
    TestDatabase database(Path folder) {
        return TestDatabase.h2(folder);
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void insertReturnsTheStoredRecord() {
        NewImage n = TestRecords.image("one", "dog", "beach");
        ImageRecord r = images.insert(n);
        assertThat(r.id()).isPositive();
        assertThat(r.sha256()).isEqualTo(n.sha256());
        assertThat(r.location()).isEqualTo("/photos/one.jpg");
        assertThat(r.fileName()).isEqualTo("one.jpg");
        assertThat(r.byteSize()).isEqualTo(n.byteSize());
        assertThat(r.width()).isEqualTo(640);
        assertThat(r.height()).isEqualTo(480);
        assertThat(r.format()).isEqualTo("jpeg");
        assertThat(r.importedAt()).isNotNull();
        assertThat(r.classification()).isEqualTo(n.classification());
        assertThat(r.storage()).isEqualTo(StorageKind.INDEXED);
        assertThat(images.findBySha256(n.sha256())).contains(r);
        assertThat(images.findById(r.id())).contains(r);
        assertThat(images.findById(r.id() + 1000)).isEmpty();
        assertThat(images.findBySha256(TestRecords.sha("absent"))).isEmpty();
        assertThat(images.embeddingOf(r.id() + 1000)).isEmpty();
    }

    @Test
    void embeddingsRoundTripBitExact() {
        float[] awkward = EmbeddingCodecTest.awkwardFloats(3, 496);
        ImageRecord r = images.insert(TestRecords.image("awkward", "cat", "sofa", awkward));
        EmbeddingCodecTest.assertBitExact(images.embeddingOf(r.id()).orElseThrow(), awkward);
        EmbeddedImage e = images.embeddingsOf(new GroupKey("cat", "sofa")).get(0);
        EmbeddingCodecTest.assertBitExact(e.embedding(), awkward);
    }

    @Test
    void duplicateContentGivesTheExistingRecord() {
        ImageRecord first = images.insert(TestRecords.image("same", "dog", "beach"));
        NewImage again = new NewImage(first.sha256(), "/elsewhere/copy.jpg", "copy.jpg", 1, 1, 1, "jpeg",
                StorageKind.MANAGED, first.classification(), new float[] {1f}, TestRecords.MODEL);
        assertThatThrownBy(() -> images.insert(again))
                .isInstanceOfSatisfying(DuplicateImageException.class,
                        e -> assertThat(e.existing()).isEqualTo(first))
                .hasMessageContaining("/photos/same.jpg");
        assertThat(images.count()).isEqualTo(1);
        assertThat(library.info().libraryVersion()).isEqualTo(1);
    }

    @Test
    void insertAllStoresABatchInOneVersionStep() {
        images.insertAll(List.of(TestRecords.image("a", "cat", "indoor"), TestRecords.image("b", "cat", "indoor"),
                TestRecords.image("c", "dog", "beach")));
        assertThat(images.count()).isEqualTo(3);
        assertThat(library.info().libraryVersion()).isEqualTo(1);
        assertThat(images.groupMembership()).hasSize(2);
    }

    @Test
    void insertAllGivesTheNewIdsInTheOrderOfTheImages() {
        List<NewImage> batch = List.of(TestRecords.image("x", "cat", "indoor"), TestRecords.image("y", "dog", "beach"));
        List<Long> ids = images.insertAll(batch);
        assertThat(ids).hasSize(2);
        for (int i = 0; i < batch.size(); i++) {
            assertThat(images.findById(ids.get(i)).orElseThrow().sha256()).isEqualTo(batch.get(i).sha256());
        }
    }

    @Test
    void insertAllIsAllOrNothing() {
        ImageRecord first = images.insert(TestRecords.image("same", "dog", "beach"));
        NewImage duplicate = new NewImage(first.sha256(), "/elsewhere/copy.jpg", "copy.jpg", 1, 1, 1, "jpeg",
                StorageKind.INDEXED, first.classification(), new float[] {1f}, TestRecords.MODEL);
        assertThatThrownBy(() -> images.insertAll(List.of(TestRecords.image("new", "cat", "indoor"), duplicate)))
                .isInstanceOf(RuntimeException.class);
        assertThat(images.count()).isEqualTo(1);
        assertThat(images.findBySha256(TestRecords.image("new", "cat", "indoor").sha256())).isEmpty();
        assertThat(library.info().libraryVersion()).isEqualTo(1);
    }

    @Test
    void relocateChangesLocationButNotTheLibraryVersion() {
        ImageRecord r = images.insert(TestRecords.image("moved", "dog", "beach"));
        images.relocate(r.id(), "/new/place.jpg", "place.jpg");
        ImageRecord moved = images.findById(r.id()).orElseThrow();
        assertThat(moved.location()).isEqualTo("/new/place.jpg");
        assertThat(moved.fileName()).isEqualTo("place.jpg");
        assertThat(moved.sha256()).isEqualTo(r.sha256());
        assertThat(library.info().libraryVersion()).isEqualTo(1);
        assertThatThrownBy(() -> images.relocate(r.id() + 1000, "/x", "x"))
                .isInstanceOf(NoSuchElementException.class);
    }

    /** {@code image} with a file modification time, as an import of an indexed file stores it. */
    private static NewImage withTime(NewImage n, Long modified) {
        return new NewImage(n.sha256(), n.location(), n.fileName(), n.byteSize(), n.width(), n.height(), n.format(),
                n.storage(), n.classification(), n.embedding(), n.modelId(), modified);
    }

    @Test
    void unchangedFilesAreThoseWithTheLocationSizeAndTimeTheLibraryRecorded() {
        ImageRecord kept = images.insert(withTime(TestRecords.image("kept", "dog", "beach"), 1_000L));
        ImageRecord touched = images.insert(withTime(TestRecords.image("touched", "dog", "beach"), 2_000L));
        ImageRecord noTime = images.insert(TestRecords.image("notime", "cat", "indoor"));
        NewImage upload = TestRecords.image("upload", "cat", "indoor");
        images.insert(withTime(new NewImage(upload.sha256(), "managed/upload.jpg", "upload.jpg", upload.byteSize(),
                640, 480, "jpeg", StorageKind.MANAGED, upload.classification(), upload.embedding(), upload.modelId()), 3_000L));

        var unchanged = images.unchangedFiles(List.of(
                new FileStamp(kept.location(), kept.byteSize(), 1_000L),
                new FileStamp(touched.location(), touched.byteSize(), 2_001L),
                new FileStamp(noTime.location(), noTime.byteSize(), 0L),
                new FileStamp("managed/upload.jpg", upload.byteSize(), 3_000L),
                new FileStamp("/photos/elsewhere/kept.jpg", kept.byteSize(), 1_000L),
                new FileStamp(kept.location() + ".bak", kept.byteSize() + 1, 1_000L)));

        assertThat(unchanged).containsOnlyKeys(kept.location());
        assertThat(unchanged.get(kept.location())).isEqualTo(kept);
        assertThat(images.unchangedFiles(List.of(new FileStamp(kept.location(), kept.byteSize() + 1, 1_000L)))).isEmpty();
        assertThat(images.unchangedFiles(List.of())).isEmpty();
    }

    @Test
    void aRecordedOrMovedFileTimeMakesTheFileUnchangedWithoutChangingTheLibraryVersion() {
        ImageRecord read = images.insert(TestRecords.image("read", "dog", "beach"));
        ImageRecord moved = images.insert(withTime(TestRecords.image("moved", "dog", "beach"), 5L));
        long version = library.info().libraryVersion();

        assertThat(images.recordFileModified(read.id(), 7L)).isTrue();
        images.relocate(moved.id(), "/new/moved.jpg", "moved.jpg", 9L);

        assertThat(images.unchangedFiles(List.of(new FileStamp(read.location(), read.byteSize(), 7L),
                new FileStamp("/new/moved.jpg", moved.byteSize(), 9L),
                new FileStamp(moved.location(), moved.byteSize(), 5L)))).containsOnlyKeys(read.location(), "/new/moved.jpg");
        images.relocate(moved.id(), "/newer/moved.jpg", "moved.jpg");
        assertThat(images.unchangedFiles(List.of(new FileStamp("/newer/moved.jpg", moved.byteSize(), 9L)))).isEmpty();
        assertThat(images.recordFileModified(moved.id() + 1000, 1L)).isFalse();
        assertThat(library.info().libraryVersion()).isEqualTo(version);
    }

    @Test
    void unchangedFilesAreLookedUpInChunksOfSizes() {
        List<FileStamp> stamps = new java.util.ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            stamps.add(new FileStamp("/photos/missing" + i + ".jpg", 10_000 + i, i));
        }
        ImageRecord last = images.insert(withTime(TestRecords.image("last", "dog", "beach"), 42L));
        stamps.add(new FileStamp(last.location(), last.byteSize(), 42L));
        assertThat(images.unchangedFiles(stamps)).containsOnlyKeys(last.location());
    }

    @Test
    void deleteRemovesTheImageAndItsClusterMembership() {
        ImageRecord a = images.insert(TestRecords.image("a", "dog", "beach"));
        ImageRecord b = images.insert(TestRecords.image("b", "dog", "beach"));
        GroupKey group = new GroupKey("dog", "beach");
        library.clusters().save(group, "sig", "test", 2, List.of(new SubCluster(0, false, List.of(a.id(), b.id()))));

        assertThat(images.delete(a.id())).isTrue();
        assertThat(images.delete(a.id())).isFalse();

        assertThat(images.findById(a.id())).isEmpty();
        assertThat(images.embeddingOf(a.id())).isEmpty();
        assertThat(library.clusters().loadAll().get(group).clusters())
                .containsExactly(new SubCluster(0, false, List.of(b.id())));
    }

    @Test
    void libraryVersionCountsInsertsAndDeletes() {
        assertThat(library.info().libraryVersion()).isZero();
        ImageRecord a = images.insert(TestRecords.image("a", "dog", "beach"));
        images.insert(TestRecords.image("b", "dog", "beach"));
        assertThat(library.info().libraryVersion()).isEqualTo(2);
        images.delete(a.id());
        assertThat(library.info().libraryVersion()).isEqualTo(3);
        images.delete(a.id());
        assertThat(library.info().libraryVersion()).isEqualTo(3);
    }

    @Test
    void listCountAndGroups() {
        ImageRecord d1 = images.insert(TestRecords.image("d1", "dog", "beach"));
        ImageRecord c1 = images.insert(TestRecords.image("c1", "cat", "sofa"));
        ImageRecord d2 = images.insert(TestRecords.image("d2", "dog", "beach"));
        ImageRecord d3 = images.insert(TestRecords.image("d3", "dog", "park"));

        assertThat(images.count()).isEqualTo(4);
        assertThat(images.list(0, 10)).containsExactly(d1, c1, d2, d3);
        assertThat(images.list(1, 2)).containsExactly(c1, d2);
        assertThat(images.list(4, 2)).isEmpty();
        assertThat(images.listByIds(List.of(d3.id(), d1.id(), 9999L, d1.id()))).containsExactly(d1, d3);
        assertThat(images.listByIds(List.of())).isEmpty();

        assertThat(images.groupMembership()).containsExactly(
                entry("cat", "sofa", c1.id()),
                entry("dog", "beach", d1.id(), d2.id()),
                entry("dog", "park", d3.id()));
        assertThat(images.groupMembershipAfter(c1.id())).containsExactly(
                entry("dog", "beach", d2.id()),
                entry("dog", "park", d3.id()));
        assertThat(images.groupMembershipAfter(d3.id())).isEmpty();
    }

    @Test
    void everyLocationIsHandedOverPageByPage() {
        for (String seed : List.of("a", "b", "c", "d", "e")) {
            images.insert(TestRecords.image(seed, "dog", "beach"));
        }
        images.delete(images.findBySha256(TestRecords.sha("b")).orElseThrow().id());
        List<String> seen = new java.util.ArrayList<>();

        images.forEachLocation(2, seen::add);

        assertThat(seen).containsExactly("/photos/a.jpg", "/photos/c.jpg", "/photos/d.jpg", "/photos/e.jpg");
    }

    @Test
    void embeddingsOfAGroupInIdOrder() {
        ImageRecord d1 = images.insert(TestRecords.image("d1", "dog", "beach"));
        images.insert(TestRecords.image("c1", "cat", "sofa"));
        ImageRecord d2 = images.insert(TestRecords.image("d2", "dog", "beach"));

        List<EmbeddedImage> dogs = images.embeddingsOf(new GroupKey("dog", "beach"));
        assertThat(dogs).extracting(EmbeddedImage::id).containsExactly(d1.id(), d2.id());
        assertThat(dogs).allSatisfy(e -> {
            assertThat(e.objectLabel()).isEqualTo("dog");
            assertThat(e.backgroundLabel()).isEqualTo("beach");
        });
        assertThat(dogs.get(1).embedding()).containsExactly(TestRecords.vector("d2".hashCode()));
        assertThat(images.embeddingsOf(new GroupKey("horse", "field"))).isEmpty();
    }

    private static java.util.Map.Entry<GroupKey, List<Long>> entry(String object, String background, Long... ids) {
        return java.util.Map.entry(new GroupKey(object, background), List.of(ids));
    }
}
