package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.imageorganizer.model.ImageRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("database")
class ImageFingerprintsTest extends LibraryTestCase {

    private static NewImage withHashAndTime(NewImage n, byte[] hash, Long modified) {
        return new NewImage(n.sha256(), n.location(), n.fileName(), n.byteSize(), n.width(), n.height(), n.format(),
                n.storage(), n.classification(), n.embedding(), n.modelId(), modified, hash);
    }

    private List<ImageFingerprints.Row> all() {
        List<ImageFingerprints.Row> rows = new ArrayList<>();
        library.fingerprints().forEach(rows::add);
        return rows;
    }

    @Test
    void eachImageComesWithItsHashesEmbeddingSizeAndOldestFile() {
        float[] vector = TestRecords.vector(3);
        ImageRecord hashed = library.images().insert(withHashAndTime(TestRecords.image("hashed", "dog", "beach", vector),
                new byte[] {1, 2, 3}, 5_000_000_000L));
        ImageRecord old = library.images().insert(TestRecords.image("old", "cat", "indoor"));
        library.locations().recordCopy(hashed.id(), "/backup/hashed.jpg", "hashed.jpg", 2_000_000_000L);

        List<ImageFingerprints.Row> rows = all();
        assertThat(rows).extracting(ImageFingerprints.Row::id).containsExactly(hashed.id(), old.id());
        ImageFingerprints.Row first = rows.get(0);
        assertThat(first.sha256()).isEqualTo(hashed.sha256());
        assertThat(first.perceptualHash()).containsExactly(1, 2, 3);
        assertThat(first.embedding()).containsExactly(vector);
        assertThat(first.width()).isEqualTo(640);
        assertThat(first.height()).isEqualTo(480);
        assertThat(first.format()).isEqualTo("jpeg");
        assertThat(first.byteSize()).isEqualTo(hashed.byteSize());
        assertThat(first.oldestFile()).as("the older copy's time").isEqualTo(Instant.ofEpochSecond(2));
        ImageFingerprints.Row second = rows.get(1);
        assertThat(second.perceptualHash()).isNull();
        assertThat(second.oldestFile()).as("no file time: when it was imported").isEqualTo(old.importedAt());

        assertThat(library.fingerprints().storePerceptualHash(old.id(), new byte[] {9})).isTrue();
        assertThat(library.fingerprints().storePerceptualHash(old.id() + 1000, new byte[] {9})).isFalse();
        assertThat(library.fingerprints().of(List.of(old.id(), old.id() + 1000)))
                .singleElement().satisfies(r -> assertThat(r.perceptualHash()).containsExactly(9));
    }

    @Test
    void thePhotosInSeveralPlacesAreListedWithEveryPlace() {
        ImageRecord once = library.images().insert(TestRecords.image("once", "dog", "beach"));
        ImageRecord twice = library.images().insert(TestRecords.image("twice", "dog", "beach"));
        library.locations().recordCopy(twice.id(), "/a/copy.jpg", "copy.jpg", null);
        library.locations().recordCopy(twice.id(), "/z/copy.jpg", "copy.jpg", null);

        Map<Long, List<String>> places = library.fingerprints().severalPlaces();
        assertThat(places).containsOnlyKeys(twice.id());
        assertThat(places.get(twice.id())).containsExactly("/a/copy.jpg", twice.location(), "/z/copy.jpg");
        assertThat(once.id()).isNotEqualTo(twice.id());
    }
}
