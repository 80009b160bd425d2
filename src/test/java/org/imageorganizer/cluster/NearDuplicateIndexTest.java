package org.imageorganizer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.imageorganizer.cluster.NearDuplicateIndex.Match;
import org.imageorganizer.bench.SyntheticHashes;
import org.imageorganizer.model.PerceptualHash;
import org.junit.jupiter.api.Test;

class NearDuplicateIndexTest {
    private final SyntheticHashes hashes = new SyntheticHashes(33);

    @Test
    void findsExactlyWhatComparingWithEveryPhotoFinds() {
        PerceptualHash[] library = hashes.library(5000, 0.3);
        NearDuplicateIndex index = new NearDuplicateIndex();
        for (int i = 0; i < library.length; i++) {
            index.add(1000 + i, library[i]);
        }
        for (int maxDistance : new int[] {0, 3, 5, 6, 10, 13, 19, 23}) {
            for (int q = 0; q < 60; q++) {
                PerceptualHash query = q % 2 == 0 ? hashes.variant(library[hashes.nextInt(library.length)], q % 9).rotated(q % 4)
                        : hashes.photo();
                assertThat(index.matches(query, maxDistance)).as("distance %d, query %d", maxDistance, q)
                        .isEqualTo(everyPhoto(library, query, maxDistance));
            }
        }
    }

    /** The reference: every photo compared, under every turn. */
    private static List<Match> everyPhoto(PerceptualHash[] library, PerceptualHash query, int maxDistance) {
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < library.length; i++) {
            int found = library[i].rotationAwareDistance(query);
            if (found >> 2 <= maxDistance) {
                out.add(new Match(1000 + i, found >> 2, found & 3));
            }
        }
        out.sort(Comparator.comparingInt(Match::distance).thenComparingLong(Match::id));
        return out;
    }

    @Test
    void aTurnedCopyIsFoundWithItsTurn() {
        NearDuplicateIndex index = new NearDuplicateIndex();
        PerceptualHash photo = hashes.photo();
        index.add(7, photo);
        for (int turns = 0; turns < 4; turns++) {
            assertThat(index.matches(photo.rotated(turns), 0)).containsExactly(new Match(7, 0, turns));
        }
    }

    @Test
    void removedAndReplacedPhotosAreForgotten() {
        NearDuplicateIndex index = new NearDuplicateIndex();
        PerceptualHash a = hashes.photo();
        PerceptualHash b = hashes.photo();
        index.add(1, a);
        index.add(2, a);
        assertThat(index.matches(a, 0)).extracting(Match::id).containsExactly(1L, 2L);
        assertThat(index.remove(1)).isTrue();
        assertThat(index.remove(1)).isFalse();
        assertThat(index.matches(a, 0)).extracting(Match::id).containsExactly(2L);
        index.add(2, b); // replaces
        assertThat(index.matches(a, 0)).isEmpty();
        assertThat(index.matches(b, 0)).extracting(Match::id).containsExactly(2L);
        index.add(3, a); // reuses the freed slot
        assertThat(index.matches(a, 0)).extracting(Match::id).containsExactly(3L);
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void lowDetailPhotosAreKeptButNeverMatched() {
        NearDuplicateIndex index = new NearDuplicateIndex();
        PerceptualHash blank = new PerceptualHash(0, true);
        index.add(1, blank);
        index.add(2, new PerceptualHash(0, false));
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.matches(new PerceptualHash(0, false), 5)).extracting(Match::id).containsExactly(2L);
        assertThat(index.matches(blank, 5)).isEmpty();
        assertThat(index.remove(1)).isTrue();
    }

    @Test
    void manyPhotosInOneBucketAndManyRemovals() {
        NearDuplicateIndex index = new NearDuplicateIndex();
        PerceptualHash same = hashes.photo();
        for (int i = 0; i < 3000; i++) {
            index.add(i, same);
        }
        for (int i = 0; i < 3000; i += 2) {
            index.remove(i);
        }
        List<Match> found = index.matches(same, 0);
        assertThat(found).hasSize(1500).allMatch(m -> m.id() % 2 == 1);
    }

    @Test
    void distancesOutsideTheIndexRangeAreRefused() {
        NearDuplicateIndex index = new NearDuplicateIndex();
        assertThatThrownBy(() -> index.matches(hashes.photo(), 24)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.matches(hashes.photo(), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
