package org.imageorganizer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.imageorganizer.bench.SyntheticHashes;
import org.imageorganizer.model.PerceptualHash;
import org.junit.jupiter.api.Test;

class StackExplainerTest {
    private static final PerceptualHash HASH = new SyntheticHashes(9).photo();
    private static final DuplicateCandidate KEEPER = photo("k", HASH, 4000, 3000, "jpeg");

    private static DuplicateCandidate photo(String sha, PerceptualHash hash, int w, int h, String format) {
        return new DuplicateCandidate(sha.hashCode(), sha, hash, null, w, h, format, 1000, Instant.EPOCH);
    }

    private static PerceptualHash away(int bits) {
        long out = HASH.bits();
        for (int b = 1; b <= bits; b++) {
            out ^= 1L << (b * 7 % 63 + 1);
        }
        return new PerceptualHash(out, false);
    }

    private static StackMember explain(DuplicateCandidate photo) {
        return StackExplainer.member(KEEPER, photo, DuplicateCandidate::hash);
    }

    @Test
    void whatDimensionsFormatTurnAndDistanceTell() {
        assertThat(explain(photo("k", null, 4000, 3000, "jpeg")).describe()).isEqualTo("Same content");
        assertThat(explain(photo("a", away(1), 2000, 1500, "jpeg")).describe()).isEqualTo("Same picture, resized");
        assertThat(explain(photo("b", away(0), 4000, 3000, "png")).describe())
                .isEqualTo("Same picture, converted to PNG");
        assertThat(explain(photo("c", away(2), 1333, 1000, "webp")).describe())
                .isEqualTo("Same picture, resized and converted to WEBP");
        assertThat(explain(photo("d", away(1), 4000, 3000, "jpeg")).describe())
                .isEqualTo("Same picture, re-saved or edited");
        StackMember turned = explain(photo("e", away(0).rotated(1), 3000, 4000, "jpeg"));
        assertThat(turned.describe()).isEqualTo("Same picture, rotated 90° clockwise");
        assertThat(explain(photo("f", away(1).rotated(3), 1500, 2000, "png")).describe())
                .isEqualTo("Same picture, resized, rotated 270° clockwise and converted to PNG");
        assertThat(explain(photo("g", away(6), 3800, 2900, "jpeg")).describe()).isEqualTo("Same picture, cropped");
        assertThat(explain(photo("h", away(6), 3800, 2850, "jpeg")).describe())
                .as("the same shape, but more changed than a resize changes").isEqualTo("Same picture, cropped");
        assertThat(explain(photo("i", away(7), 1000, 750, "png")).describe())
                .isEqualTo("Same picture, cropped and converted to PNG");
        assertThat(explain(photo("j", away(8), 4000, 3000, "png")).describe())
                .isEqualTo("Same picture, converted to PNG and re-saved or edited");
    }

    @Test
    void roundingToWholePixelsIsTheSameFraming() {
        assertThat(StackExplainer.sameFraming(4000, 3000, 1333, 1000)).isTrue();
        assertThat(StackExplainer.sameFraming(100, 75, 33, 25)).isTrue();
        assertThat(StackExplainer.sameFraming(4000, 3000, 3800, 2900)).isFalse();
        assertThat(StackExplainer.sameFraming(4000, 3000, 3000, 3000)).isFalse();
    }
}
