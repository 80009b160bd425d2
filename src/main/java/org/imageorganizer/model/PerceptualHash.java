package org.imageorganizer.model;

import java.util.Arrays;

/**
 * A perceptual hash of a picture: near-identical pictures (resized, recompressed, converted, lightly edited) have
 * hashes a few bits apart, different pictures about half their bits apart. Computed by
 * {@code imaging.PerceptualHasher}; compared here, in any layer (docs/decisions/0033).
 *
 * <p>Bit layout: the picture is reduced to a 32×32 grey thumbnail, less its mean and tapered towards its edges by a
 * window symmetric about the centre, and transformed with a 2-D DCT-II; bit
 * {@code 8p + q} says whether coefficient {@code C(p, q)} is positive, {@code p} the vertical and {@code q} the
 * horizontal frequency, both 0..7. Bit 0 (the DC term, the mean brightness) is always 0, so 63 bits carry
 * information. Signs, not a comparison with the median, so that the hash of the picture turned by a quarter turn is
 * a fixed permutation of these bits ({@link #rotated(int)}) and one hash per picture is enough to compare under the
 * four 90° rotations.
 *
 * @param bits      the 63 sign bits, bit 0 clear
 * @param lowDetail the picture is almost uniform (a blank page, a black frame): its bits are noise and it is
 *                  never matched by hash, only by identical content
 */
public record PerceptualHash(long bits, boolean lowDetail) {
    /** Bits that carry information: 8×8 DCT coefficients without the DC term. */
    public static final int SIGNIFICANT_BITS = 63;

    /** The first byte of {@link #toBytes()}: the encoding's version. */
    public static final byte VERSION = 1;

    private static final int ENCODED_LENGTH = 10;
    private static final byte FLAG_LOW_DETAIL = 1;
    /** Bits of coefficients with an odd horizontal frequency q: their sign flips under a horizontal mirror. */
    private static final long ODD_COLUMNS = 0xAAAAAAAAAAAAAAAAL;

    public PerceptualHash {
        if ((bits & 1L) != 0) {
            throw new IllegalArgumentException("bit 0 (the DC term) must be clear");
        }
    }

    /** The number of bits in which the two hashes differ, 0..63, with no rotation. */
    public int distance(PerceptualHash other) {
        return Long.bitCount(bits ^ other.bits);
    }

    /**
     * The hash this picture would have if it were turned clockwise by {@code quarterTurns} × 90° (any integer,
     * taken modulo 4). Exact up to rounding: turning the thumbnail a quarter clockwise maps
     * {@code C(p, q)} to {@code (-1)^q C(q, p)}.
     */
    public PerceptualHash rotated(int quarterTurns) {
        return new PerceptualHash(rotate(bits, quarterTurns), lowDetail);
    }

    /** {@link #rotated(int)} on bare bits. */
    public static long rotate(long bits, int quarterTurns) {
        long out = bits;
        for (int i = Math.floorMod(quarterTurns, 4); i > 0; i--) {
            out = transpose(out) ^ ODD_COLUMNS;
        }
        return out & ~1L;
    }

    /** The 8×8 bit matrix (bit {@code 8r + c} at row r, column c) transposed: three delta swaps. */
    static long transpose(long bits) {
        long x = bits;
        long t = (x ^ (x >>> 7)) & 0x00AA00AA00AA00AAL;
        x = x ^ t ^ (t << 7);
        t = (x ^ (x >>> 14)) & 0x0000CCCC0000CCCCL;
        x = x ^ t ^ (t << 14);
        t = (x ^ (x >>> 28)) & 0x00000000F0F0F0F0L;
        return x ^ t ^ (t << 28);
    }

    /**
     * The smallest distance between {@code other} and this hash turned by 0, 1, 2 or 3 quarter turns.
     *
     * @return {@code distance * 4 + quarterTurns}: the distance is {@code result >> 2}, and {@code result & 3}
     *         clockwise quarter turns of this picture give the other picture
     */
    public int rotationAwareDistance(PerceptualHash other) {
        int best = Integer.MAX_VALUE;
        for (int turns = 0; turns < 4; turns++) {
            int d = Long.bitCount(rotate(bits, turns) ^ other.bits);
            best = Math.min(best, d * 4 + turns);
        }
        return best;
    }

    /**
     * A compact, versioned encoding for storage (10 bytes): {@link #VERSION}, a flags byte (1 = low detail), then
     * the bits big-endian.
     */
    public byte[] toBytes() {
        byte[] out = new byte[ENCODED_LENGTH];
        out[0] = VERSION;
        out[1] = lowDetail ? FLAG_LOW_DETAIL : 0;
        for (int i = 0; i < 8; i++) {
            out[2 + i] = (byte) (bits >>> (56 - 8 * i));
        }
        return out;
    }

    /**
     * Reads {@link #toBytes()}'s encoding.
     *
     * @throws IllegalArgumentException for another version or a malformed encoding (the hash must then be computed
     *                                  again from the picture)
     */
    public static PerceptualHash fromBytes(byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            throw new IllegalArgumentException("no perceptual hash");
        }
        if (encoded[0] != VERSION) {
            throw new IllegalArgumentException("perceptual hash version " + encoded[0] + ", expected " + VERSION);
        }
        if (encoded.length != ENCODED_LENGTH || (encoded[1] & ~FLAG_LOW_DETAIL) != 0) {
            throw new IllegalArgumentException("malformed perceptual hash " + Arrays.toString(encoded));
        }
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = bits << 8 | (encoded[2 + i] & 0xff);
        }
        return new PerceptualHash(bits, encoded[1] == FLAG_LOW_DETAIL);
    }

    /** Whether an encoding is of the current version, so it can be read rather than computed again. */
    public static boolean isCurrent(byte[] encoded) {
        return encoded != null && encoded.length == ENCODED_LENGTH && encoded[0] == VERSION;
    }

    @Override
    public String toString() {
        return String.format("%016x%s", bits, lowDetail ? " (low detail)" : "");
    }
}
