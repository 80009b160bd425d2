package org.imageorganizer.store;

import java.util.Objects;

/**
 * Converts embeddings to and from their stored form: float32 values, little-endian, 4 bytes each.
 * The conversion is bit-exact: {@code -0.0f}, subnormals and NaN payloads survive unchanged.
 */
public final class EmbeddingCodec {

    private EmbeddingCodec() {
    }

    /**
     * @param vector the embedding
     * @return {@code 4 * vector.length} bytes
     */
    public static byte[] encode(float[] vector) {
        Objects.requireNonNull(vector, "vector");
        byte[] out = new byte[vector.length * Float.BYTES];
        for (int i = 0, o = 0; i < vector.length; i++, o += Float.BYTES) {
            int bits = Float.floatToRawIntBits(vector[i]);
            out[o] = (byte) bits;
            out[o + 1] = (byte) (bits >>> 8);
            out[o + 2] = (byte) (bits >>> 16);
            out[o + 3] = (byte) (bits >>> 24);
        }
        return out;
    }

    /**
     * @param bytes stored bytes, a multiple of 4 long
     * @return the embedding
     * @throws IllegalArgumentException if the length is not a multiple of 4
     */
    public static float[] decode(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("an embedding needs a multiple of 4 bytes, got " + bytes.length);
        }
        float[] out = new float[bytes.length / Float.BYTES];
        for (int i = 0, o = 0; i < out.length; i++, o += Float.BYTES) {
            int bits = (bytes[o] & 0xff)
                    | (bytes[o + 1] & 0xff) << 8
                    | (bytes[o + 2] & 0xff) << 16
                    | (bytes[o + 3] & 0xff) << 24;
            out[i] = Float.intBitsToFloat(bits);
        }
        return out;
    }

    /**
     * @param bytes     stored bytes
     * @param dimension the number of floats they must hold
     * @return the embedding
     * @throws IllegalArgumentException if the length does not match {@code dimension}
     */
    public static float[] decode(byte[] bytes, int dimension) {
        Objects.requireNonNull(bytes, "bytes");
        if (dimension < 0 || bytes.length != (long) dimension * Float.BYTES) {
            throw new IllegalArgumentException("expected " + dimension + " floats (" + (long) dimension * Float.BYTES
                    + " bytes), got " + bytes.length + " bytes");
        }
        return decode(bytes);
    }
}
