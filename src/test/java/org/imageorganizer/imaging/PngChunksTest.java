package org.imageorganizer.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngChunksTest {
    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xC86432);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Inserts an iCCP chunk right after IHDR. */
    private static byte[] withIcc(byte[] png) {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        byte[] data = new byte[profile.length + 6];
        System.arraycopy("srgb".getBytes(StandardCharsets.US_ASCII), 0, data, 0, 4);
        // name, NUL, compression method 0, then (here uncompressed, invalid on purpose) bytes
        System.arraycopy(profile, 0, data, 6, profile.length);
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.writeBytes(new byte[] {(byte) (data.length >>> 24), (byte) (data.length >>> 16), (byte) (data.length >>> 8), (byte) data.length});
        byte[] typeAndData = new byte[4 + data.length];
        System.arraycopy("iCCP".getBytes(StandardCharsets.US_ASCII), 0, typeAndData, 0, 4);
        System.arraycopy(data, 0, typeAndData, 4, data.length);
        chunk.writeBytes(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        long c = crc.getValue();
        chunk.writeBytes(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        int afterIhdr = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        out.writeBytes(chunk.toByteArray());
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    @Test
    void removesTheProfileAndKeepsTheImage() throws Exception {
        byte[] plain = png();
        byte[] profiled = withIcc(plain);
        assertThat(profiled.length).isGreaterThan(plain.length + 100);
        byte[] stripped = PngChunks.withoutIccProfile(profiled);
        assertThat(stripped).containsExactly(plain);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stripped));
        assertThat(decoded.getRGB(1, 1) & 0xffffff).isEqualTo(0xC86432);
    }

    @Test
    void leavesPngsWithoutAProfileAlone() throws Exception {
        byte[] plain = png();
        assertThat(PngChunks.withoutIccProfile(plain)).isSameAs(plain);
    }
}
