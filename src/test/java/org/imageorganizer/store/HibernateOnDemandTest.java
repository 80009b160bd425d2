package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.SubCluster;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hibernate starts only when a query needs it: an import and the clustering after it go through plain
 * SQL (ADR 0039), and the schema those use is checked when the library opens instead.
 */
@Tag("database")
class HibernateOnDemandTest {
    @TempDir
    Path dir;

    @Test
    void anImportTheClusteringAndThePagesNeverStartHibernate() {
        try (LibraryDatabase library = LibraryDatabase.open(dir.resolve("library.mv.db"))) {
            library.info().claimModel(TestRecords.MODEL, 0.9, 224);
            List<Long> ids = new ArrayList<>(library.images().insertAll(List.of(
                    TestRecords.image("a", "dog", "park"), TestRecords.image("b", "dog", "park"))));
            ImageRecord third = library.images().insert(TestRecords.image("c", "cat", "sofa"));
            ids.add(third.id());
            assertThat(library.images().findBySha256(third.sha256())).contains(third);
            assertThat(library.images().embeddingOf(third.id())).isPresent();
            assertThat(library.locations().recordCopy(third.id(), "/elsewhere/c.jpg", "c.jpg", 7L)).isTrue();
            library.locations().relocate(third.id(), "/moved/c.jpg", "c.jpg", 8L);
            assertThat(library.locations().unchangedFiles(List.of(new FileStamp("/moved/c.jpg", third.byteSize(), 8L))))
                    .containsOnlyKeys("/moved/c.jpg");
            GroupKey dogs = new GroupKey("dog", "park");
            assertThat(library.images().groupMembership()).containsKeys(dogs, new GroupKey("cat", "sofa"));
            assertThat(library.images().embeddingsOf(dogs)).hasSize(2);
            library.clusters().save(dogs, "sig", "hdbscan", library.info().libraryVersion(),
                    List.of(new SubCluster(0, false, ids.subList(0, 2))));
            library.clusters().deleteGroupsNotIn(Set.of(dogs));
            assertThat(library.clusters().loadAll()).containsOnlyKeys(dogs);
            AtomicInteger hashes = new AtomicInteger();
            library.fingerprints().forEachHash((hash, id) -> hashes.incrementAndGet());
            assertThat(hashes).hasValue(3);
            assertThat(library.images().delete(ids.get(0))).isTrue();
            assertThat(library.images().count()).isEqualTo(2);

            // nor do the pages of the server and the window
            assertThat(library.images().list(0, 10)).extracting(ImageRecord::id).containsExactly(ids.get(1), ids.get(2));
            assertThat(library.images().listNewest("dog", "park", 0, 10)).extracting(ImageRecord::id)
                    .containsExactly(ids.get(1));
            assertThat(library.images().count("cat", null)).isEqualTo(1);
            assertThat(library.images().listByIds(ids)).extracting(ImageRecord::id).containsExactly(ids.get(1), ids.get(2));
            assertThat(library.queriesStarted()).isFalse();

            // the cloud copies' bookkeeping starts it, and sees the same rows
            assertThat(library.remoteCopies().countWithoutCopy()).isEqualTo(2);
            assertThat(library.queriesStarted()).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ALTER TABLE cluster_member DROP COLUMN cluster_id | the table cluster_member has no column cluster_id",
            "DROP TABLE near_duplicate_link | it has no table near_duplicate_link"})
    void whatThePlainSqlNeedsAndIsMissingIsSaidWhenTheLibraryOpens(String damage, String reason) throws Exception {
        Path file = dir.resolve("library.mv.db");
        LibraryDatabase.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("library"), "sa", "")) {
            c.createStatement().execute(damage);
        }
        assertThatThrownBy(() -> LibraryDatabase.open(file))
                .isInstanceOf(LibraryException.class)
                .hasMessage("Cannot open the library " + file + ": its schema does not match this program (" + reason + ").");
    }

    @Test
    void aFailedStartIsTriedOnceAndGivenToEveryCaller() {
        AtomicInteger starts = new AtomicInteger();
        IllegalStateException broken = new IllegalStateException("broken mapping");
        HibernateOnDemand hibernate = new HibernateOnDemand(() -> {
            starts.incrementAndGet();
            throw broken;
        });
        assertThatThrownBy(hibernate::get).isSameAs(broken);
        assertThatThrownBy(() -> hibernate.callInTransaction(em -> 1)).isSameAs(broken);
        assertThat(starts).hasValue(1);
        assertThat(hibernate.started()).isFalse();
        hibernate.close();
    }

    @Test
    void closingWithoutAStartStartsNothingAndAfterwardsNothingStarts() {
        AtomicInteger starts = new AtomicInteger();
        HibernateOnDemand hibernate = new HibernateOnDemand(() -> {
            starts.incrementAndGet();
            return (EntityManagerFactory) null;
        });
        hibernate.close();
        assertThatThrownBy(hibernate::get).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(starts).hasValue(0);
    }
}
