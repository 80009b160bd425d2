package org.imageorganizer.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FormatSnifferTest {
    @Test
    void magicNumbers() throws Exception {
        assertThat(sniff(0xFF, 0xD8, 0xFF, 0xE0)).isEqualTo(ImageFormat.JPEG);
        assertThat(sniff(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)).isEqualTo(ImageFormat.PNG);
        assertThat(FormatSniffer.sniff(ascii("GIF89a...."))).isEqualTo(ImageFormat.GIF);
        assertThat(FormatSniffer.sniff(ascii("GIF87a...."))).isEqualTo(ImageFormat.GIF);
        assertThat(FormatSniffer.sniff(ascii("RIFF\0\0\0\0WEBPVP8 "))).isEqualTo(ImageFormat.WEBP);
        assertThat(sniff('I', 'I', 42, 0, 8, 0, 0, 0)).isEqualTo(ImageFormat.TIFF);
        assertThat(sniff('M', 'M', 0, 42, 0, 0, 0, 8)).isEqualTo(ImageFormat.TIFF);
        assertThat(sniff('I', 'I', 43, 0, 8, 0, 0, 0)).as("BigTIFF").isEqualTo(ImageFormat.TIFF);
    }

    @Test
    void bmpNeedsAKnownDibHeaderSize() throws Exception {
        byte[] bmp = new byte[54];
        bmp[0] = 'B';
        bmp[1] = 'M';
        bmp[14] = 40;
        assertThat(FormatSniffer.sniff(bmp)).isEqualTo(ImageFormat.BMP);
        assertThatThrownBy(() -> FormatSniffer.sniff(ascii("BMW owners club newsletter")))
                .hasMessage("not an image (the file contains text)");
    }

    @Test
    void riffThatIsNotWebpIsNotAnImage() {
        byte[] wav = Arrays.copyOf(ascii("RIFF\u0024\0\0\0WAVEfmt "), 64);
        assertThatThrownBy(() -> FormatSniffer.sniff(wav)).hasMessage("not an image (unrecognised content)");
    }

    @Test
    void xmlThatIsNotSvgAndHtml() {
        assertThatThrownBy(() -> FormatSniffer.sniff(ascii("\uFEFF<?xml version=\"1.0\"?><rss/>")))
                .hasMessage("not an image (XML or HTML document)");
        assertThatThrownBy(() -> FormatSniffer.sniff(ascii("  <!DOCTYPE html><html></html>")))
                .hasMessage("not an image (XML or HTML document)");
        assertThatThrownBy(() -> FormatSniffer.sniff(ascii("\n<SVG viewBox='0 0 1 1'/>")))
                .hasMessage("SVG vector images are not supported");
    }

    @Test
    void otherKnownFormats() {
        assertThatThrownBy(() -> sniff(0xFF, 0x0A, 0, 0)).hasMessageStartingWith("JPEG XL images are not supported");
        assertThatThrownBy(() -> sniff(0, 0, 0, 0x0C, 'j', 'P', ' ', ' ', 0x0D, 0x0A))
                .hasMessageStartingWith("JPEG 2000 images are not supported");
        assertThatThrownBy(() -> FormatSniffer.sniff(ascii("8BPS\0\1"))).hasMessageStartingWith("Photoshop");
        assertThatThrownBy(() -> sniff(0x1F, 0x8B, 8, 0)).hasMessage("not an image (gzip-compressed data)");
    }

    @Test
    void emptyAndTiny() {
        assertThatThrownBy(() -> FormatSniffer.sniff(new byte[0])).hasMessage("empty file");
        assertThatThrownBy(() -> sniff(0xFF)).hasMessage("not an image (unrecognised content)");
    }

    private static ImageFormat sniff(int... bytes) throws ImageRejectedException {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return FormatSniffer.sniff(b);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
