package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.SubCluster;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("database")
class ImageEmbeddingsTest extends LibraryTestCase {

    private List<ImageEmbeddings.Row> rows() {
        List<ImageEmbeddings.Row> rows = new ArrayList<>();
        library.embeddings().forEach(rows::add);
        return rows;
    }

    private List<ImageEmbeddings.Row> rowsThroughTheReader() {
        List<ImageEmbeddings.Row> rows = new ArrayList<>();
        try (LibraryReader reader = database.reader().orElseThrow()) {
            reader.forEachEmbedding(rows::add);
            assertThat(reader.embeddingCount()).isEqualTo(rows.size());
            assertThat(reader.embeddingStamp()).isEqualTo(library.embeddings().stamp());
        }
        return rows;
    }

    @Test
    void everyEmbeddingComesInIdOrderWithItsLabelsAndSubClusterAndTheStampFollowsChanges() {
        float[] dogVector = TestRecords.vector(1);
        ImageRecord dog = library.images().insert(TestRecords.image("dog", "dog", "beach", dogVector));
        ImageRecord cat = library.images().insert(TestRecords.image("cat", "cat", "indoor"));
        long afterInserts = library.embeddings().stamp();

        assertThat(library.embeddings().count()).isEqualTo(2);
        assertThat(rows()).extracting(ImageEmbeddings.Row::id, ImageEmbeddings.Row::objectLabel,
                        ImageEmbeddings.Row::backgroundLabel, ImageEmbeddings.Row::clusterId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(dog.id(), "dog", "beach", null),
                        org.assertj.core.groups.Tuple.tuple(cat.id(), "cat", "indoor", null));
        assertThat(rows().get(0).embedding()).containsExactly(dogVector);

        library.clusters().save(new GroupKey("dog", "beach"), "sig", "hdbscan", library.info().libraryVersion(),
                List.of(new SubCluster(3, false, List.of(dog.id()))));
        long afterClustering = library.embeddings().stamp();
        assertThat(afterClustering).as("a new clustering changes the stamp").isNotEqualTo(afterInserts);
        assertThat(rows().get(0).clusterId()).isEqualTo(3);
        assertThat(rowsThroughTheReader()).usingRecursiveFieldByFieldElementComparator().isEqualTo(rows());

        library.images().delete(cat.id());
        assertThat(library.embeddings().stamp()).isNotEqualTo(afterClustering);
        assertThat(rows()).extracting(ImageEmbeddings.Row::id).containsExactly(dog.id());
    }

    @Test
    void anEmptyLibraryHasNoRows() {
        assertThat(rows()).isEmpty();
        assertThat(library.embeddings().count()).isZero();
        assertThat(rowsThroughTheReader()).isEmpty();
    }
}
