package org.imageorganizer.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The library's embeddings as an immutable int8 matrix: each row is a unit-normalised embedding
 * quantised symmetrically to one signed byte per dimension ({@code round(x / scale)} in [-127, 127],
 * {@code scale = max|x| / 127}) with its float scale, its id, and its filter attributes (object and
 * background label as codes into dictionaries, sub-cluster id). Rows are held in ascending id order
 * in blocks of {@value #BLOCK_ROWS} rows, so that building never copies the whole matrix. A block of
 * 512 dimensions is 128 KB: under half of G1's smallest region (1 MB), so it is never a "humongous"
 * object, which would take whole regions (a 2 MB block took 4 MB of heap: measured).
 *
 * <p>100,000 rows of 512 dimensions take 51.2 MB of bytes plus 14 bytes a row of scale, id and
 * attributes: about 52.6 MB.
 */
final class Int8Matrix {
    static final int BLOCK_ROWS = 256;

    private final int dimension;
    private final int rows;
    private final byte[][] blocks;
    private final float[] scales;
    private final long[] ids;
    private final short[] objects;
    private final short[] backgrounds;
    private final int[] clusters;
    private final Labels objectLabels;
    private final Labels backgroundLabels;

    private Int8Matrix(Builder b, byte[][] blocks) {
        this.dimension = b.dimension;
        this.rows = b.rows;
        this.blocks = blocks;
        this.scales = Arrays.copyOf(b.scales, rows);
        this.ids = Arrays.copyOf(b.ids, rows);
        this.objects = Arrays.copyOf(b.objects, rows);
        this.backgrounds = Arrays.copyOf(b.backgrounds, rows);
        this.clusters = Arrays.copyOf(b.clusters, rows);
        this.objectLabels = b.objectLabels;
        this.backgroundLabels = b.backgroundLabels;
    }

    static Int8Matrix empty() {
        return new Builder().build();
    }

    /** The embedding length, 0 for an empty matrix. */
    int dimension() {
        return dimension;
    }

    int rows() {
        return rows;
    }

    long id(int row) {
        return ids[row];
    }

    float scale(int row) {
        return scales[row];
    }

    short object(int row) {
        return objects[row];
    }

    short background(int row) {
        return backgrounds[row];
    }

    int cluster(int row) {
        return clusters[row];
    }

    Labels objectLabels() {
        return objectLabels;
    }

    Labels backgroundLabels() {
        return backgroundLabels;
    }

    /** The block holding {@code row}, at offset {@code (row % BLOCK_ROWS) * dimension}. */
    byte[] block(int row) {
        return blocks[row / BLOCK_ROWS];
    }

    /** The row of {@code id}, or a negative number when the matrix does not hold it. */
    int rowOf(long id) {
        return Arrays.binarySearch(ids, id);
    }

    /** The row's embedding as the matrix holds it (quantised), back in floats. */
    float[] dequantized(int row) {
        float[] v = new float[dimension];
        byte[] block = block(row);
        int offset = (row % BLOCK_ROWS) * dimension;
        for (int d = 0; d < dimension; d++) {
            v[d] = block[offset + d] * scales[row];
        }
        return v;
    }

    /** Bytes of heap the matrix holds (arrays' contents; the dictionaries are left out, they are tiny). */
    long bytes() {
        long sum = 0;
        for (byte[] block : blocks) {
            sum += block.length;
        }
        return sum + rows * (4L + 8 + 2 + 2 + 4);
    }

    /** Builds a matrix row by row, quantising as it goes. */
    static final class Builder {
        private int dimension;
        private int rows;
        private final List<byte[]> blocks = new ArrayList<>();
        private float[] scales = new float[1024];
        private long[] ids = new long[1024];
        private short[] objects = new short[1024];
        private short[] backgrounds = new short[1024];
        private int[] clusters = new int[1024];
        private final Labels objectLabels = new Labels();
        private final Labels backgroundLabels = new Labels();
        private boolean sorted = true;
        private int skipped;

        /** Rows skipped because their embedding length differed from the first row's. */
        int skipped() {
            return skipped;
        }

        int rows() {
            return rows;
        }

        /** Adds a row, quantising its embedding; a row of another length than the first is skipped. */
        Builder add(EmbeddingRow row) {
            float[] e = row.embedding();
            if (!startRow(e.length)) {
                return this;
            }
            byte[] block = blocks.get(rows / BLOCK_ROWS);
            scales[rows] = Quantizer.quantize(e, block, (rows % BLOCK_ROWS) * dimension);
            finishRow(row.id(), objectLabels.codeOf(row.objectLabel()), backgroundLabels.codeOf(row.backgroundLabel()),
                    row.clusterId());
            return this;
        }

        /** Adds a row of another matrix as it is, without quantising again. */
        Builder copy(Int8Matrix from, int row) {
            if (!startRow(from.dimension)) {
                return this;
            }
            System.arraycopy(from.block(row), (row % BLOCK_ROWS) * dimension, blocks.get(rows / BLOCK_ROWS),
                    (rows % BLOCK_ROWS) * dimension, dimension);
            scales[rows] = from.scales[row];
            finishRow(from.ids[row], objectLabels.codeOf(from.objectLabels.name(from.objects[row])),
                    backgroundLabels.codeOf(from.backgroundLabels.name(from.backgrounds[row])), from.clusters[row]);
            return this;
        }

        private boolean startRow(int length) {
            if (rows == 0 && dimension == 0) {
                dimension = length;
            }
            if (length != dimension || length == 0) {
                skipped++;
                return false;
            }
            if (rows % BLOCK_ROWS == 0) {
                blocks.add(new byte[BLOCK_ROWS * dimension]);
            }
            if (rows == ids.length) {
                int grown = ids.length * 2;
                scales = Arrays.copyOf(scales, grown);
                ids = Arrays.copyOf(ids, grown);
                objects = Arrays.copyOf(objects, grown);
                backgrounds = Arrays.copyOf(backgrounds, grown);
                clusters = Arrays.copyOf(clusters, grown);
            }
            return true;
        }

        private void finishRow(long id, short object, short background, int cluster) {
            if (rows > 0 && id <= ids[rows - 1]) {
                sorted = false;
            }
            ids[rows] = id;
            objects[rows] = object;
            backgrounds[rows] = background;
            clusters[rows] = cluster;
            rows++;
        }

        /** The matrix; rows given out of id order are sorted (a copy), and of two rows with one id the later wins. */
        Int8Matrix build() {
            byte[][] array = blocks.toArray(new byte[0][]);
            if (array.length > 0) {
                int last = array.length - 1;
                array[last] = Arrays.copyOf(array[last], (rows - last * BLOCK_ROWS) * dimension);
            }
            Int8Matrix built = new Int8Matrix(this, array);
            return sorted ? built : sortedCopy(built);
        }

        private static Int8Matrix sortedCopy(Int8Matrix m) {
            Integer[] order = new Integer[m.rows];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            // by id, the later row first among equal ids, so that it is the one kept
            Arrays.sort(order, (a, b) -> m.ids[a] != m.ids[b] ? Long.compare(m.ids[a], m.ids[b]) : Integer.compare(b, a));
            Builder b = new Builder();
            for (int i = 0; i < order.length; i++) {
                if (i == 0 || m.ids[order[i]] != m.ids[order[i - 1]]) {
                    b.copy(m, order[i]);
                }
            }
            return b.build();
        }
    }
}
