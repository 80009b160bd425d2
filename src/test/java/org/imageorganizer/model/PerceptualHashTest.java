package org.imageorganizer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PerceptualHashTest {
    private final SplittableRandom random = new SplittableRandom(17);

    private long randomBits() {
        return random.nextLong() & ~1L;
    }

    @Test
    void transposeIsTheBitMatrixTransposed() {
        for (int i = 0; i < 1000; i++) {
            long bits = random.nextLong();
            long expected = 0;
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    expected |= ((bits >>> (8 * r + c)) & 1L) << (8 * c + r);
                }
            }
            assertThat(PerceptualHash.transpose(bits)).isEqualTo(expected);
        }
    }

    @Test
    void aQuarterTurnTransposesAndFlipsTheOddColumns() {
        // C(p, q) -> (-1)^q C(q, p): bit (p, q) of the turned hash is bit (q, p), inverted when q is odd
        long bits = 1L << (8 * 2 + 5); // C(2, 5) > 0 only
        long turned = PerceptualHash.rotate(bits, 1);
        for (int p = 0; p < 8; p++) {
            for (int q = 0; q < 8; q++) {
                boolean set = (turned >>> (8 * p + q) & 1L) != 0;
                boolean expected = (p == 5 && q == 2) ^ (q % 2 == 1) && (p | q) != 0;
                assertThat(set).as("bit (%d, %d)", p, q).isEqualTo(expected);
            }
        }
    }

    @Test
    void fourQuarterTurnsAreTheIdentityAndTurnsCompose() {
        for (int i = 0; i < 200; i++) {
            PerceptualHash hash = new PerceptualHash(randomBits(), false);
            assertThat(hash.rotated(4)).isEqualTo(hash);
            assertThat(hash.rotated(0)).isEqualTo(hash);
            assertThat(hash.rotated(1).rotated(2)).isEqualTo(hash.rotated(3));
            assertThat(hash.rotated(-1)).isEqualTo(hash.rotated(3));
            assertThat(hash.rotated(1)).isNotEqualTo(hash);
            assertThat(hash.rotated(1).bits() & 1L).isZero();
        }
    }

    @Test
    void rotationAwareDistanceFindsTheTurnAndIsSymmetricInDistance() {
        PerceptualHash a = new PerceptualHash(randomBits(), false);
        PerceptualHash b = new PerceptualHash(a.rotated(3).bits() ^ (1L << 9) ^ (1L << 40), false);
        int found = a.rotationAwareDistance(b);
        assertThat(found >> 2).isEqualTo(2);
        assertThat(found & 3).isEqualTo(3);
        assertThat(b.rotationAwareDistance(a) >> 2).isEqualTo(2);
        assertThat(b.rotationAwareDistance(a) & 3).isEqualTo(1);
        assertThat(a.distance(b)).isGreaterThan(2);
    }

    @Test
    void bytesRoundTripAndAreVersioned() {
        for (boolean lowDetail : new boolean[] {false, true}) {
            PerceptualHash hash = new PerceptualHash(0x8123456789abcdeEL, lowDetail);
            byte[] bytes = hash.toBytes();
            assertThat(bytes).hasSize(10);
            assertThat(bytes[0]).isEqualTo(PerceptualHash.VERSION);
            assertThat(PerceptualHash.isCurrent(bytes)).isTrue();
            assertThat(PerceptualHash.fromBytes(bytes)).isEqualTo(hash);
        }
    }

    @Test
    void otherVersionsAndMalformedBytesAreRefused() {
        byte[] bytes = new PerceptualHash(2, false).toBytes();
        bytes[0] = 2;
        assertThat(PerceptualHash.isCurrent(bytes)).isFalse();
        assertThatThrownBy(() -> PerceptualHash.fromBytes(bytes)).hasMessageContaining("version 2");
        assertThatThrownBy(() -> PerceptualHash.fromBytes(new byte[] {1, 0, 0})).hasMessageContaining("malformed");
        assertThatThrownBy(() -> PerceptualHash.fromBytes(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        byte[] oddBit = new PerceptualHash(0, false).toBytes();
        oddBit[9] = 1;
        assertThatThrownBy(() -> PerceptualHash.fromBytes(oddBit)).hasMessageContaining("bit 0");
    }
}
