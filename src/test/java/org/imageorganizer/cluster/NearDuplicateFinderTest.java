package org.imageorganizer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.imageorganizer.bench.SyntheticHashes;
import org.imageorganizer.model.PerceptualHash;
import org.junit.jupiter.api.Test;

class NearDuplicateFinderTest {
    private static final DuplicateThresholds NO_VETO = new DuplicateThresholds(10, 11, 6, -1);

    private final SyntheticHashes hashes = new SyntheticHashes(5);

    static DuplicateCandidate photo(long id, String sha, PerceptualHash hash, float[] embedding, int w, int h) {
        return new DuplicateCandidate(id, sha, hash, embedding, w, h, "jpeg", 1000, Instant.EPOCH.plusSeconds(id));
    }

    private static PerceptualHash flipped(PerceptualHash hash, int... bits) {
        long out = hash.bits();
        for (int bit : bits) {
            out ^= 1L << bit;
        }
        return new PerceptualHash(out, false);
    }

    @Test
    void nearHashesUnderAnyTurnMakeOneStackAndOthersNone() {
        PerceptualHash a = hashes.photo();
        List<DuplicateCandidate> photos = List.of(
                photo(1, "a", a, null, 400, 300),
                photo(2, "b", hashes.photo(), null, 400, 300),
                photo(3, "c", flipped(a, 5, 9, 20).rotated(1), null, 300, 400),
                photo(4, "d", hashes.photo(), null, 400, 300));
        List<DuplicateStack> stacks = new NearDuplicateFinder(NO_VETO, 1).stacks(photos);
        assertThat(stacks).hasSize(1);
        assertThat(stacks.get(0).ids()).containsExactly(1L, 3L);
        StackMember turned = stacks.get(0).others().get(0);
        assertThat(turned.quarterTurns()).isEqualTo(1);
        assertThat(turned.hashDistance()).isEqualTo(3);
        assertThat(turned.reasons()).containsExactly(DuplicateReason.ROTATED);
    }

    @Test
    void sameContentIsAlwaysOneStackEvenWithoutAUsableHash() {
        PerceptualHash blank = new PerceptualHash(0, true);
        List<DuplicateCandidate> photos = List.of(
                photo(1, "same", blank, null, 10, 10),
                photo(2, "same", null, null, 10, 10),
                photo(3, "other", blank, null, 10, 10), // low detail: never matched by hash
                photo(4, "same", blank, new float[] {1, 0}, 10, 10));
        List<DuplicateStack> stacks = new NearDuplicateFinder(NO_VETO, 1).stacks(photos);
        assertThat(stacks).hasSize(1);
        assertThat(stacks.get(0).ids()).containsExactly(1L, 2L, 4L);
        assertThat(stacks.get(0).others()).allSatisfy(m -> {
            assertThat(m.reasons()).containsExactly(DuplicateReason.SAME_CONTENT);
            assertThat(m.describe()).isEqualTo("Same content");
        });
    }

    @Test
    void aContentWithoutAHashTakesTheHashOfItsTwin() {
        PerceptualHash a = hashes.photo();
        List<DuplicateCandidate> photos = List.of(
                photo(1, "x", null, null, 400, 300),
                photo(2, "y", flipped(a, 3), null, 200, 150),
                photo(3, "x", a, null, 400, 300));
        List<DuplicateStack> stacks = new NearDuplicateFinder(NO_VETO, 1).stacks(photos);
        assertThat(stacks).hasSize(1);
        assertThat(stacks.get(0).ids()).containsExactly(1L, 3L, 2L);
        assertThat(stacks.get(0).others().get(1).reasons()).containsExactly(DuplicateReason.RESIZED);
    }

    @Test
    void aChainOfSmallStepsIsNotOneStack() {
        // each photo 6 bits from the next: linked pairwise, but the ends are 18 bits apart
        PerceptualHash a = hashes.photo();
        PerceptualHash b = flipped(a, 1, 2, 3, 4, 5, 6);
        PerceptualHash c = flipped(b, 11, 12, 13, 14, 15, 16);
        PerceptualHash d = flipped(c, 21, 22, 23, 24, 25, 26);
        List<DuplicateCandidate> photos = List.of(photo(1, "a", a, null, 40, 30), photo(2, "b", b, null, 40, 30),
                photo(3, "c", c, null, 40, 30), photo(4, "d", d, null, 40, 30));
        List<DuplicateStack> stacks = new NearDuplicateFinder(NO_VETO, 1).stacks(photos);
        assertThat(stacks).allSatisfy(s -> assertThat(s.size()).isEqualTo(2));
        assertThat(stacks).hasSize(2);
        // plain union-find would have made one stack of four
        DuplicateThresholds chaining = new DuplicateThresholds(10, 64, 6, -1);
        assertThat(new NearDuplicateFinder(chaining, 1).stacks(photos)).singleElement()
                .satisfies(s -> assertThat(s.size()).isEqualTo(4));
    }

    @Test
    void theVetoKeepsPhotosWithDifferentContentApart() {
        PerceptualHash a = hashes.photo();
        float[] dog = {1, 0, 0};
        float[] dogToo = {0.96f, 0.28f, 0};
        float[] car = {0, 0, 1};
        List<DuplicateCandidate> photos = List.of(photo(1, "a", a, dog, 400, 300),
                photo(2, "b", flipped(a, 8), car, 400, 300), photo(3, "c", flipped(a, 9), dogToo, 400, 300),
                photo(4, "d", flipped(a, 10), null, 400, 300));
        DuplicateThresholds veto = new DuplicateThresholds(10, 11, 6, 0.9);
        List<DuplicateStack> stacks = new NearDuplicateFinder(veto, 1).stacks(photos);
        // 2 is vetoed against 1 and 3; 4 has no embedding, so nothing vetoes it
        assertThat(stacks).singleElement().satisfies(s -> assertThat(s.ids()).containsExactlyInAnyOrder(1L, 3L, 4L));
        assertThat(new NearDuplicateFinder(NO_VETO, 1).stacks(photos)).singleElement()
                .satisfies(s -> assertThat(s.size()).isEqualTo(4));
        assertThat(veto.vetoes(dog, car)).isTrue();
        assertThat(veto.vetoes(dog, dogToo)).isFalse();
        assertThat(veto.vetoes(dog, null)).isFalse();
    }

    @Test
    void aTurnedMatchIsNeverVetoedButMustBeCloser() {
        // CLIP embeddings change when a photo is turned: the veto cannot judge turned pairs
        PerceptualHash a = hashes.photo();
        float[] upright = {1, 0};
        float[] turnedEmbedding = {0, 1};
        DuplicateThresholds veto = new DuplicateThresholds(10, 11, 6, 0.9);
        List<DuplicateCandidate> photos = List.of(photo(1, "a", a, upright, 400, 300),
                photo(2, "b", flipped(a, 3, 4, 5, 6, 7).rotated(1), turnedEmbedding, 300, 400),
                photo(3, "c", flipped(a, 13, 14, 15, 16, 17, 18, 19, 20).rotated(2), upright, 400, 300));
        assertThat(new NearDuplicateFinder(veto, 1).stacks(photos)).singleElement()
                .satisfies(s -> assertThat(s.ids()).containsExactly(1L, 2L));
        assertThat(veto.linked(5, 1, upright, turnedEmbedding)).isTrue();
        assertThat(veto.linked(5, 0, upright, turnedEmbedding)).isFalse();
        assertThat(veto.linked(8, 2, upright, upright)).isFalse();
        assertThat(veto.linked(8, 0, upright, upright)).isTrue();
    }

    @Test
    void theKeeperHasTheMostPixelsThenIsTheOldest() {
        PerceptualHash a = hashes.photo();
        Instant old = Instant.parse("2001-01-01T00:00:00Z");
        List<DuplicateCandidate> photos = List.of(
                new DuplicateCandidate(1, "s", flipped(a, 1), null, 800, 600, "jpeg", 10, Instant.parse("2020-01-01T00:00:00Z")),
                new DuplicateCandidate(2, "t", flipped(a, 2), null, 1600, 1200, "png", 10, null),
                new DuplicateCandidate(3, "u", flipped(a, 3), null, 1200, 1600, "jpeg", 10, old),
                new DuplicateCandidate(4, "v", flipped(a, 4), null, 1600, 1200, "jpeg", 10, old.plusSeconds(1)));
        DuplicateStack stack = new NearDuplicateFinder(new DuplicateThresholds(19, 19, 19, -1), 1).stacks(photos).get(0);
        assertThat(stack.keeper().id()).isEqualTo(3);
        assertThat(stack.ids()).hasSize(4).startsWith(3L);
    }

    @Test
    void stacksMatchAReferenceOfTheSameRuleOnALibrary() {
        PerceptualHash[] library = hashes.library(3000, 0.25);
        List<DuplicateCandidate> photos = new ArrayList<>();
        for (int i = 0; i < library.length; i++) {
            photos.add(photo(i, "sha" + i, library[i], null, 400, 300));
        }
        List<DuplicateStack> stacks = new NearDuplicateFinder(NO_VETO, 2).stacks(photos);
        Set<Set<Long>> found = new HashSet<>();
        stacks.forEach(s -> found.add(new TreeSet<>(s.ids())));
        assertThat(found).isEqualTo(reference(library, NO_VETO));
        assertThat(new NearDuplicateFinder(NO_VETO, 1).stacks(photos)).isEqualTo(stacks);
    }

    /** Every pair compared; the same greedy complete-linkage rule, written plainly. */
    private static Set<Set<Long>> reference(PerceptualHash[] library, DuplicateThresholds thresholds) {
        int n = library.length;
        Set<List<Integer>> pairs = new TreeSet<>((x, y) -> x.get(0) != y.get(0) ? x.get(0) - y.get(0)
                : x.get(1) != y.get(1) ? x.get(1) - y.get(1) : x.get(2) - y.get(2));
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                for (int k = 0; k < 4; k++) {
                    int d = library[i].rotated(k).distance(library[j]);
                    if (thresholds.linked(d, k, null, null)) {
                        pairs.add(List.of(d, i, j));
                    }
                }
            }
        }
        List<Set<Integer>> setOf = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            setOf.add(new HashSet<>(Set.of(i)));
        }
        for (List<Integer> p : pairs) {
            Set<Integer> a = setOf.get(p.get(1));
            Set<Integer> b = setOf.get(p.get(2));
            if (a == b || !a.stream().allMatch(x -> b.stream().allMatch(y -> {
                int best = library[x].rotationAwareDistance(library[y]);
                return thresholds.together(best >> 2, best & 3, null, null);
            }))) {
                continue;
            }
            a.addAll(b);
            b.forEach(y -> setOf.set(y, a));
        }
        Set<Set<Long>> out = new HashSet<>();
        for (Set<Integer> s : setOf) {
            if (s.size() > 1) {
                Set<Long> ids = new TreeSet<>();
                s.forEach(i -> ids.add((long) i));
                out.add(ids);
            }
        }
        return out;
    }

    @Test
    void thresholdsAreChecked() {
        assertThatThrownBy(() -> new DuplicateThresholds(12, 11, 6, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DuplicateThresholds(24, 24, 6, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DuplicateThresholds(10, 11, 11, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DuplicateThresholds(10, 11, 6, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DuplicateThresholds.withVeto(0.8)).isEqualTo(new DuplicateThresholds(10, 11, 6, 0.8));
    }
}
