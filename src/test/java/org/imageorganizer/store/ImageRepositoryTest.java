package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.imageorganizer.model.EmbeddedImage;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.model.SubCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("database")
class ImageRepositoryTest extends LibraryTestCase {

    private ImageRepository images;

    @BeforeEach
    void open() {
        images = library.images();
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
