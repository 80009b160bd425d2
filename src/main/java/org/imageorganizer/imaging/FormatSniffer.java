package org.imageorganizer.imaging;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises an image format from the first bytes of a file (magic numbers), never from its name.
 * Formats that cannot be decoded are recognised too, so the user learns why a file was skipped.
 * Text and XML are only looked at as bytes: no XML parser is ever involved.
 */
public final class FormatSniffer {
    /** ISO-BMFF brands of HEIF/HEIC still images and sequences. */
    private static final Set<String> HEIF_BRANDS =
            Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "mif2", "msf1");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final int TEXT_PROBE_BYTES = 4096;

    private FormatSniffer() {
    }

    /**
     * Finds the format of a file from its content.
     *
     * @param bytes the file's content, or at least its first 4 KiB
     * @return the format, when it is one that can be decoded
     * @throws ImageRejectedException when the content is empty, not an image, or an unsupported image format
     */
    public static ImageFormat sniff(byte[] bytes) throws ImageRejectedException {
        if (bytes.length == 0) {
            throw new ImageRejectedException("empty file");
        }
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return ImageFormat.JPEG;
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return ImageFormat.PNG;
        }
        if (ascii(bytes, 0, "GIF87a") || ascii(bytes, 0, "GIF89a")) {
            return ImageFormat.GIF;
        }
        if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
            return ImageFormat.WEBP;
        }
        if (startsWith(bytes, 0, 'I', 'I', 42, 0) || startsWith(bytes, 0, 'M', 'M', 0, 42)
                || startsWith(bytes, 0, 'I', 'I', 43, 0) || startsWith(bytes, 0, 'M', 'M', 0, 43)) {
            return ImageFormat.TIFF;
        }
        if (isBmp(bytes)) {
            return ImageFormat.BMP;
        }
        throw new ImageRejectedException(ImageRejectedException.Kind.NOT_SUPPORTED, rejectionReason(bytes));
    }

    private static String rejectionReason(byte[] bytes) {
        if (ascii(bytes, 4, "ftyp")) {
            return isoMediaReason(bytes);
        }
        if (ascii(bytes, 0, "%PDF-")) {
            return "PDF documents are not supported";
        }
        if (startsWith(bytes, 0, 0xFF, 0x0A) || startsWith(bytes, 0, 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ')) {
            return "JPEG XL images are not supported; convert to JPEG first";
        }
        if (startsWith(bytes, 0, 0, 0, 0, 0x0C, 'j', 'P', ' ', ' ') || startsWith(bytes, 0, 0xFF, 0x4F, 0xFF, 0x51)) {
            return "JPEG 2000 images are not supported; convert to JPEG first";
        }
        if (ascii(bytes, 0, "8BPS")) {
            return "Photoshop (PSD) files are not supported; export to JPEG or PNG first";
        }
        if (startsWith(bytes, 0, 0x1F, 0x8B)) {
            return "not an image (gzip-compressed data)";
        }
        String head = textHead(bytes);
        if (head != null) {
            String trimmed = head.strip();
            if (trimmed.startsWith("<")) {
                return trimmed.toLowerCase(Locale.ROOT).contains("<svg")
                        ? "SVG vector images are not supported"
                        : "not an image (XML or HTML document)";
            }
            return "not an image (the file contains text)";
        }
        return "not an image (unrecognised content)";
    }

    private static String isoMediaReason(byte[] bytes) {
        int boxSize = (int) Math.min(readUint32(bytes, 0), Math.min(bytes.length, 256));
        for (int i = 8; i + 4 <= boxSize; i += 4) {
            if (i == 12) {
                continue; // minor version, not a brand
            }
            String brand = new String(bytes, i, 4, StandardCharsets.ISO_8859_1);
            if (AVIF_BRANDS.contains(brand)) {
                return "AVIF images are not supported; convert to JPEG first";
            }
            if (HEIF_BRANDS.contains(brand)) {
                return "HEIC/HEIF images are not supported; convert to JPEG first";
            }
        }
        return "not an image (a video or other ISO media file)";
    }

    /** BMP's "BM" is weak on its own; also require a known DIB header size. */
    private static boolean isBmp(byte[] b) {
        if (!ascii(b, 0, "BM") || b.length < 18) {
            return false;
        }
        long dibHeaderSize = (b[14] & 0xFFL) | (b[15] & 0xFFL) << 8 | (b[16] & 0xFFL) << 16 | (b[17] & 0xFFL) << 24;
        return dibHeaderSize == 12 || dibHeaderSize == 16 || dibHeaderSize == 40 || dibHeaderSize == 52
                || dibHeaderSize == 56 || dibHeaderSize == 64 || dibHeaderSize == 108 || dibHeaderSize == 124;
    }

    /** The first bytes as text if they are valid UTF-8 (so ASCII too) without control bytes, else null. */
    private static String textHead(byte[] bytes) {
        int start = startsWith(bytes, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        int end = Math.min(bytes.length, TEXT_PROBE_BYTES);
        if (end < bytes.length) {
            while (end > start && (bytes[end] & 0xC0) == 0x80) {
                end--; // do not cut a multi-byte character in two
            }
        }
        for (int i = start; i < end; i++) {
            int c = bytes[i] & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, end - start))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static long readUint32(byte[] b, int at) {
        if (b.length < at + 4) {
            return 0;
        }
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | (b[at + 3] & 0xFFL);
    }

    private static boolean ascii(byte[] b, int at, String s) {
        if (b.length < at + s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[at + i] != (byte) s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int at, int... expected) {
        if (b.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
