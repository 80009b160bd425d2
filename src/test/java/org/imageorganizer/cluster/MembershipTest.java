package org.imageorganizer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.NewImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The groups kept up to date from the images added since, equal to a full read whatever happens. */
@Tag("database")
class MembershipTest {
    private static final GroupKey DOGS = new GroupKey("dog", "beach");
    private static final GroupKey CATS = new GroupKey("cat", "indoor");
    private static final GroupKey CARS = new GroupKey("car", "urban");

    @TempDir
    Path dir;
    private LibraryDatabase library;
    private int serial;

    @BeforeEach
    void open() {
        library = LibraryDatabase.open(dir.resolve("lib"));
    }

    @AfterEach
    void close() {
        library.close();
    }

    private long insert(GroupKey group) {
        String name = "img-" + serial++;
        return library.images().insert(new NewImage(DigestUtils.sha256Hex(name.getBytes(StandardCharsets.UTF_8)),
                "/photos/" + name + ".jpg", name + ".jpg", 1000, 640, 480, "jpeg", StorageKind.INDEXED,
                new Classification(new Label(group.objectLabel(), 0.9), new Label(group.backgroundLabel(), 0.8)),
                new float[] {1, 0, 0, 0}, "test-model")).id();
    }

    private Map<GroupKey, List<Long>> full() {
        return library.images().groupMembership();
    }

    @Test
    void followsAddedImagesAndKeepsTheListsOfGroupsThatDidNotChange() {
        Membership membership = new Membership(library.images(), library.info()::labelSerial);
        assertThat(membership.current()).isEmpty();
        insert(DOGS);
        insert(CATS);
        insert(DOGS);
        Map<GroupKey, List<Long>> first = membership.current();
        assertThat(first).isEqualTo(full());

        insert(CARS);
        insert(DOGS);
        Map<GroupKey, List<Long>> second = membership.current();

        assertThat(second).isEqualTo(full());
        assertThat(List.copyOf(second.keySet())).containsExactly(CARS, CATS, DOGS);
        assertThat(second.get(CATS)).isSameAs(first.get(CATS));
        assertThat(second.get(DOGS)).isNotSameAs(first.get(DOGS)).isSorted();
        assertThat(membership.current()).as("nothing changed").isSameAs(second);
    }

    @Test
    void aDeletionIsSeenAtOnce() {
        Membership membership = new Membership(library.images(), library.info()::labelSerial);
        long gone = insert(CATS);
        insert(CATS);
        insert(DOGS);
        membership.current();

        assertThat(library.images().delete(gone)).isTrue();
        assertThat(membership.current()).isEqualTo(full());
        assertThat(membership.current().get(CATS)).doesNotContain(gone);

        long last = insert(DOGS);
        assertThat(library.images().delete(last)).isTrue();
        insert(CARS); // an image added and removed between two reads was never there
        assertThat(membership.current()).isEqualTo(full());
    }
}
