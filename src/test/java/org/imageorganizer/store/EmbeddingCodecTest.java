package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingCodecTest {

    /** Values whose bits are easy to lose: signed zero, subnormals, extremes, NaN payloads. */
    static float[] awkwardFloats(long seed, int randomCount) {
        int[] special = {
            0x00000000, 0x80000000, 0x00000001, 0x80000001, 0x007fffff, 0x00400000,
            0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000,
            0x7fc00000, 0x7fc00001, 0xffc12345, 0x7fffffff, 0x7f800001, 0xff80beef,
        };
        Random r = new Random(seed);
        float[] v = new float[special.length + randomCount];
        for (int i = 0; i < special.length; i++) {
            v[i] = Float.intBitsToFloat(special[i]);
        }
        for (int i = special.length; i < v.length; i++) {
            v[i] = Float.intBitsToFloat(r.nextInt());
        }
        return v;
    }

    static void assertBitExact(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Float.floatToRawIntBits(actual[i]))
                    .as("bits of element %d", i)
                    .isEqualTo(Float.floatToRawIntBits(expected[i]));
        }
    }

    @Test
    void roundTripIsBitExact() {
        float[] v = awkwardFloats(42, 1000);
        assertBitExact(EmbeddingCodec.decode(EmbeddingCodec.encode(v), v.length), v);
    }

    @Test
    void encodesLittleEndianFloat32() {
        assertThat(EmbeddingCodec.encode(new float[] {1.0f, -2.5f}))
                .containsExactly(0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x20, 0xc0);
    }

    @Test
    void emptyVectorIsEmptyBytes() {
        assertThat(EmbeddingCodec.encode(new float[0])).isEmpty();
        assertThat(EmbeddingCodec.decode(new byte[0], 0)).isEmpty();
    }

    @Test
    void rejectsBadLengths() {
        assertThatThrownBy(() -> EmbeddingCodec.decode(new byte[7]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 4");
        assertThatThrownBy(() -> EmbeddingCodec.decode(new byte[8], 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 3 floats");
    }
}
