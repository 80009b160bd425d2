package org.imageorganizer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.testing.NearDuplicateSet;
import org.imageorganizer.testing.NearDuplicateSet.Photo;
import org.imageorganizer.testing.NearDuplicateSet.Variant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The near-duplicate quality targets of issue 17 on the quality set ({@link NearDuplicateSet}), by perceptual hash
 * alone (the test model's embeddings are random, so the veto is off here and tested on its own in
 * {@link NearDuplicateFinderTest}): pair recall of the true stacks at least 0.95, false pairs at most 1% of the pairs
 * reported. The thresholds were chosen on other seeds (docs/decisions/0033); these seeds are held out.
 */
@Tag("slow")
class NearDuplicateQualityTest {
    /** Seeds never used while choosing the hash and the thresholds. */
    private static final int HELD_OUT_SEED = 3000;

    private static List<Photo> photos;
    private static List<DuplicateStack> stacks;
    private static int[] stackOf;

    @BeforeAll
    static void findStacks() {
        photos = NearDuplicateSet.photos(NearDuplicateSet.bases(HELD_OUT_SEED, 36, 3, 0.10), new SafeImageDecoder());
        List<DuplicateCandidate> candidates = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            Photo p = photos.get(i);
            // the original is the oldest file: it is the keeper among the photos of its size
            candidates.add(new DuplicateCandidate(i, p.sha256(), p.hash(), null, p.width(), p.height(), p.format(),
                    p.byteSize(), Instant.EPOCH.plusSeconds(p.variant().ordinal())));
        }
        DuplicateThresholds thresholds = DuplicateThresholds.withVeto(-1);
        stacks = new NearDuplicateFinder(thresholds).stacks(candidates);
        stackOf = new int[photos.size()];
        Arrays.fill(stackOf, -1);
        for (int s = 0; s < stacks.size(); s++) {
            for (long id : stacks.get(s).ids()) {
                stackOf[(int) id] = s;
            }
        }
    }

    @Test
    void pairRecallAndFalsePairsMeetTheTargets() {
        long truePairs = 0;
        long found = 0;
        long reported = 0;
        Map<Variant, int[]> withOriginal = new EnumMap<>(Variant.class); // {found, all}
        for (int i = 0; i < photos.size(); i++) {
            for (int j = i + 1; j < photos.size(); j++) {
                boolean same = photos.get(i).group() == photos.get(j).group();
                boolean together = stackOf[i] >= 0 && stackOf[i] == stackOf[j];
                truePairs += same ? 1 : 0;
                reported += together ? 1 : 0;
                found += same && together ? 1 : 0;
                if (same && photos.get(i).variant() == Variant.ORIGINAL) {
                    int[] counts = withOriginal.computeIfAbsent(photos.get(j).variant(), v -> new int[2]);
                    counts[0] += together ? 1 : 0;
                    counts[1]++;
                }
            }
        }
        double recall = (double) found / truePairs;
        double falseShare = (double) (reported - found) / reported;
        System.out.printf("near-duplicate quality: %d photos in %d true stacks; pair recall %.4f (%d of %d),"
                + " false pairs %.4f (%d of %d reported), %d stacks found%n", photos.size(),
                photos.get(photos.size() - 1).group() + 1, recall, found, truePairs, falseShare, reported - found,
                reported, stacks.size());
        withOriginal.forEach((variant, c) -> System.out.printf("  with its original: %-15s %d of %d%n", variant, c[0],
                c[1]));
        assertThat(recall).as("pair recall").isGreaterThanOrEqualTo(0.95);
        assertThat(falseShare).as("share of false pairs").isLessThanOrEqualTo(0.01);
    }

    @Test
    void theHardNegativesAreNeverStackedTogether() {
        for (int i = 0; i < photos.size(); i++) {
            for (int j = i + 1; j < photos.size(); j++) {
                Photo a = photos.get(i);
                Photo b = photos.get(j);
                boolean pair = a.base().replace("panned ", "").equals(b.base().replace("panned ", ""))
                        || a.base().replace("crop A", "crop B").equals(b.base());
                if (pair && a.group() != b.group()) {
                    assertThat(stackOf[i] >= 0 && stackOf[i] == stackOf[j]).as("%s with %s", a.name(), b.name())
                            .isFalse();
                }
            }
        }
    }

    @Test
    void theOriginalKeepsAndTheOthersSayWhy() {
        int checked = 0;
        for (DuplicateStack stack : stacks) {
            Photo keeper = photos.get((int) stack.keeper().id());
            if (keeper.variant() != Variant.ORIGINAL) {
                continue;
            }
            for (StackMember member : stack.others()) {
                Variant variant = photos.get((int) member.photo().id()).variant();
                switch (variant) {
                    case RESIZED_HALF, RESIZED_THIRD -> assertThat(member.reasons()).contains(DuplicateReason.RESIZED);
                    case PNG, WEBP -> assertThat(member.reasons()).containsExactly(DuplicateReason.CONVERTED);
                    case ROTATED_90, EXIF_90 -> assertThat(member.quarterTurns()).isEqualTo(1);
                    case ROTATED_180 -> assertThat(member.quarterTurns()).isEqualTo(2);
                    case ROTATED_270, EXIF_270 -> assertThat(member.quarterTurns()).isEqualTo(3);
                    case RECOMPRESSED, BRIGHTER, MORE_CONTRAST -> assertThat(member.reasons())
                            .containsExactly(DuplicateReason.EDITED);
                    default -> {
                    }
                }
                if (variant.name().startsWith("ROTATED") || variant.name().startsWith("EXIF")) {
                    assertThat(member.reasons()).containsExactly(DuplicateReason.ROTATED);
                    assertThat(member.describe()).startsWith("Same picture, rotated ");
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(photos.size() / 2);
    }
}
