package org.imageorganizer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Int8MatrixTest {

    @Test
    void rowsAreQuantisedWithinHalfAStepOfTheUnitVector() {
        float[] v = {3, -4, 0, 0.01f}; // norm ≈ 5
        Int8Matrix m = new Int8Matrix.Builder().add(new EmbeddingRow(1, null, null, -1, v)).build();
        float[] back = m.dequantized(0);
        double norm = Quantizer.norm(v);
        double step = m.scale(0);
        assertThat(step).isCloseTo(4 / norm / 127, org.assertj.core.data.Offset.offset(1e-7));
        for (int d = 0; d < v.length; d++) {
            assertThat((double) back[d]).isCloseTo(v[d] / norm, org.assertj.core.data.Offset.offset(step / 2 + 1e-7));
        }
        byte[] block = m.block(0);
        assertThat(block[1]).isEqualTo((byte) -127);
    }

    @Test
    void rowsOutOfOrderAreSortedAndTheLaterOfTwoWithOneIdIsKept() {
        SplittableRandom random = new SplittableRandom(1);
        List<EmbeddingRow> rows = List.of(new EmbeddingRow(7, "a", "x", 1, TestRows.randomUnit(random, 8)),
                new EmbeddingRow(2, "b", "y", 2, TestRows.randomUnit(random, 8)),
                new EmbeddingRow(7, "c", "z", 3, TestRows.randomUnit(random, 8)),
                new EmbeddingRow(4, null, null, -1, TestRows.randomUnit(random, 8)));
        Int8Matrix.Builder b = new Int8Matrix.Builder();
        rows.forEach(b::add);
        Int8Matrix m = b.build();
        assertThat(m.rows()).isEqualTo(3);
        assertThat(new long[] {m.id(0), m.id(1), m.id(2)}).containsExactly(2, 4, 7);
        assertThat(m.objectLabels().name(m.object(2))).isEqualTo("c");
        assertThat(m.cluster(2)).isEqualTo(3);
        assertThat(m.objectLabels().name(m.object(1))).isNull();
        assertThat(m.rowOf(5)).isNegative();
    }

    @Test
    void rowsOfAnotherLengthAreSkippedAndCounted() {
        Int8Matrix.Builder b = new Int8Matrix.Builder();
        b.add(new EmbeddingRow(1, null, null, -1, new float[] {1, 0, 0}));
        b.add(new EmbeddingRow(2, null, null, -1, new float[] {1, 0}));
        b.add(new EmbeddingRow(3, null, null, -1, new float[] {0, 0, 0}));
        assertThat(b.skipped()).isEqualTo(1);
        Int8Matrix m = b.build();
        assertThat(m.rows()).isEqualTo(2);
        assertThat(m.scale(1)).isZero();
    }

    @Test
    void theQueryKeepsItsProductsWithinAnInt() {
        assertThat(Quantizer.queryMax(512)).isEqualTo(Short.MAX_VALUE);
        assertThat(127L * Quantizer.queryMax(768) * 768).isLessThanOrEqualTo(Integer.MAX_VALUE);
        float[] flat = new float[768];
        java.util.Arrays.fill(flat, 1);
        short[] q = new short[768];
        Quantizer.quantizeQuery(flat, q);
        byte[] row = new byte[768];
        Quantizer.quantize(flat, row, 0);
        assertThat(Quantizer.dot(q, row, 0)).isPositive();
    }
}
