package org.imageorganizer.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.imageorganizer.model.RgbImage;
import org.junit.jupiter.api.Test;

class TestTimeAugmenterTest {
    static RgbImage randomImage(long seed) {
        byte[] px = new byte[224 * 224 * 3];
        new Random(seed).nextBytes(px);
        return new RgbImage(224, 224, px);
    }

    @Test
    void sameSeedGivesTheSameViews() {
        TestTimeAugmenter tta = new TestTimeAugmenter(6);
        RgbImage image = randomImage(1);
        List<RgbImage> first = tta.augment(image, 1234);
        List<RgbImage> second = new TestTimeAugmenter(6).augment(image, 1234);
        assertThat(first).hasSize(6);
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i).pixels()).containsExactly(second.get(i).pixels());
        }
    }

    @Test
    void theFirstViewIsTheOriginalAndOthersAreAugmented() {
        RgbImage image = randomImage(2);
        List<RgbImage> views = new TestTimeAugmenter(8).augment(image, 99);
        assertThat(views.get(0)).isSameAs(image);
        long changed = views.stream().skip(1).filter(v -> !java.util.Arrays.equals(v.pixels(), image.pixels())).count();
        assertThat(changed).isGreaterThanOrEqualTo(4);
        assertThat(views).allSatisfy(v -> assertThat(v.width()).isEqualTo(224));
    }

    @Test
    void differentSeedsGiveDifferentViews() {
        RgbImage image = randomImage(3);
        TestTimeAugmenter tta = new TestTimeAugmenter(4);
        boolean anyDifferent = false;
        for (long seed = 0; seed < 5 && !anyDifferent; seed++) {
            List<RgbImage> a = tta.augment(image, seed);
            List<RgbImage> b = tta.augment(image, seed + 1000);
            for (int i = 1; i < 4; i++) {
                anyDifferent |= !java.util.Arrays.equals(a.get(i).pixels(), b.get(i).pixels());
            }
        }
        assertThat(anyDifferent).isTrue();
    }

    @Test
    void oneViewTurnsAugmentationOff() {
        RgbImage image = randomImage(4);
        assertThat(new TestTimeAugmenter(1).augment(image, 5)).containsExactly(image);
    }

    @Test
    void seedComesFromTheContentHash() {
        assertThat(TestTimeAugmenter.seedFromHash("ffffffffffffffff" + "0".repeat(48))).isEqualTo(-1L);
        assertThatThrownBy(() -> new TestTimeAugmenter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
