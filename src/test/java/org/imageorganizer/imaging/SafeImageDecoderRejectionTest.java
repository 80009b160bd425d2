package org.imageorganizer.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeImageDecoderRejectionTest {
    @TempDir
    Path dir;

    private final SafeImageDecoder decoder = new SafeImageDecoder();

    @Test
    void emptyFile() {
        assertRejected("empty.jpg", new byte[0], "empty file");
    }

    @Test
    void textNamedJpg() {
        assertRejected("notes.jpg", "Shopping list:\n- milk\n- bread\n".getBytes(StandardCharsets.UTF_8),
                "not an image (the file contains text)");
    }

    @Test
    void randomBytes() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        assertRejected("noise.png", noise, "not an image (unrecognised content)");
    }

    @Test
    void truncatedJpeg() {
        byte[] jpeg = TestImages.encode(TestImages.solid(200, 150, BufferedImage.TYPE_INT_RGB, Color.ORANGE), "jpeg");
        assertRejected("cut.jpg", Arrays.copyOf(jpeg, jpeg.length * 2 / 3),
                "truncated JPEG (file ends before the image data does)");
    }

    @Test
    void jpegWithZeroPaddingAfterEndMarkerIsFine() throws Exception {
        byte[] jpeg = TestImages.encode(TestImages.solid(30, 20, BufferedImage.TYPE_INT_RGB, Color.ORANGE), "jpeg");
        Path file = TestImages.write(dir, "padded.jpg", Arrays.copyOf(jpeg, jpeg.length + 512));
        assertThat(decoder.decode(file, 224).format()).isEqualTo("jpeg");
    }

    @Test
    void truncatedPng() {
        byte[] png = TestImages.encode(TestImages.solid(200, 150, BufferedImage.TYPE_INT_RGB, Color.ORANGE), "png");
        assertRejected("cut.png", Arrays.copyOf(png, png.length - 12), // drops the IEND chunk only
                "truncated PNG (file ends before the image data does)");
        assertRejected("half.png", Arrays.copyOf(png, png.length / 2),
                "truncated PNG (file ends before the image data does)");
    }

    @Test
    void corruptPixelDataWithValidHeader() {
        byte[] png = TestImages.png(64, 64, 8, 2, "definitely not zlib data".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> decoder.decode(TestImages.write(dir, "corrupt.png", png), 224))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessageStartingWith("truncated or corrupt image (");
    }

    /** The external entity points at a local server: a parser that resolved it would connect. */
    @Test
    void svgWithXxePayloadIsRejectedWithoutParsing() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String svg = "<?xml version=\"1.0\"?>\n"
                    + "<!DOCTYPE svg [<!ENTITY xxe SYSTEM \"http://127.0.0.1:" + server.getLocalPort() + "/x\">]>\n"
                    + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><text>&xxe;</text></svg>\n";
            assertRejected("logo.jpg", svg.getBytes(StandardCharsets.UTF_8), "SVG vector images are not supported");
            server.setSoTimeout(100);
            assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void heicAndAvif() {
        assertRejected("IMG_0001.jpg", isoMedia("heic", "mif1", "heic"),
                "HEIC/HEIF images are not supported; convert to JPEG first");
        assertRejected("x.heif", isoMedia("mif1", "mif1", "miaf"),
                "HEIC/HEIF images are not supported; convert to JPEG first");
        assertRejected("x.avif", isoMedia("avif", "mif1", "miaf"), "AVIF images are not supported; convert to JPEG first");
        assertRejected("clip.jpg", isoMedia("isom", "isom", "mp42"), "not an image (a video or other ISO media file)");
    }

    @Test
    void pdf() {
        assertRejected("scan.jpg", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1),
                "PDF documents are not supported");
    }

    /** A real, valid PNG: about 50 KB on disk, 400 megapixels decoded. */
    @Test
    void pngDecompressionBombIsRejectedBeforeDecoding() {
        byte[] bomb = TestImages.blackPng(20_000, 20_000);
        assertThat(bomb.length).isLessThan(200_000);
        assertRejected("bomb.png", bomb, "image is 20000×20000 = 400 megapixels, above the 100-megapixel limit");
    }

    /** A tiny PNG whose IHDR claims 30000×30000; its pixel data could not even fill that, so a decode would fail. */
    @Test
    void pngHeaderClaimingHugeSizeIsRejectedBeforeDecoding() {
        byte[] liar = TestImages.png(30_000, 30_000, 8, 2, new byte[] {0x78, (byte) 0x9C, 3, 0, 0, 0, 0, 1});
        assertRejected("liar.png", liar, "image is 30000×30000 = 900 megapixels, above the 100-megapixel limit");
    }

    @Test
    void jpegHeaderClaimingHugeSizeIsRejectedBeforeDecoding() {
        byte[] jpeg = TestImages.encode(TestImages.solid(16, 16, BufferedImage.TYPE_INT_RGB, Color.ORANGE), "jpeg");
        int sof = indexOf(jpeg, (byte) 0xFF, (byte) 0xC0);
        assertThat(sof).isPositive();
        jpeg[sof + 5] = (byte) (30_000 >> 8); // height
        jpeg[sof + 6] = (byte) 30_000;
        jpeg[sof + 7] = (byte) (30_000 >> 8); // width
        jpeg[sof + 8] = (byte) 30_000;
        assertRejected("liar.jpg", jpeg, "image is 30000×30000 = 900 megapixels, above the 100-megapixel limit");
    }

    @Test
    void fileAboveSizeLimit() {
        SafeImageDecoder strict = new SafeImageDecoder(new ImageLimits(ImageLimits.DEFAULT_MAX_PIXELS, 1000));
        byte[] png = TestImages.encode(TestImages.solid(300, 300, BufferedImage.TYPE_INT_RGB, Color.ORANGE), "png");
        byte[] padded = Arrays.copyOf(png, 2048);
        assertThatThrownBy(() -> strict.decode(TestImages.write(dir, "big.png", padded), 224))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessage("file is 2 KiB, above the limit of 1000 bytes");
    }

    @Test
    void directoryIsNotReadable() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("folder.jpg"));
        assertThatThrownBy(() -> decoder.decode(sub, 224))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessageStartingWith("cannot read the file");
    }

    @Test
    void truncatedWebp() {
        byte[] webp = TestImages.openCv(new org.opencv.core.Mat(64, 64, org.opencv.core.CvType.CV_8UC3,
                new org.opencv.core.Scalar(1, 2, 3)), ".webp");
        assertRejected("cut.webp", Arrays.copyOf(webp, webp.length - 10),
                "truncated WebP (file ends before the image data does)");
    }

    private void assertRejected(String name, byte[] content, String reason) {
        Path file = TestImages.write(dir, name, content);
        assertThatThrownBy(() -> decoder.decode(file, 224))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessage(reason);
    }

    private static byte[] isoMedia(String major, String... compatible) {
        int size = 16 + 4 * compatible.length;
        StringBuilder box = new StringBuilder("ftyp").append(major).append("\0\0\0\0");
        for (String brand : compatible) {
            box.append(brand);
        }
        byte[] body = box.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[size + 64];
        bytes[3] = (byte) size;
        System.arraycopy(body, 0, bytes, 4, body.length);
        return bytes;
    }

    private static int indexOf(byte[] bytes, byte first, byte second) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == first && bytes[i + 1] == second) {
                return i;
            }
        }
        return -1;
    }
}
