package org.imageorganizer.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.imageorganizer.model.PhotoMetadata;
import org.junit.jupiter.api.Test;

/** The samples are written by scripts/make_metadata_samples.py. */
class PhotoMetadataReaderTest {
    private static PhotoMetadata read(String sample) throws IOException {
        return PhotoMetadataReader.read(Files.readAllBytes(Path.of("src/test/resources/metadata", sample)));
    }

    @Test
    void theDateTakenWithItsOffsetAndTheCamera() throws Exception {
        PhotoMetadata photo = read("taken-with-offset.jpg");
        assertThat(photo.taken()).isEqualTo(LocalDateTime.of(2024, 7, 14, 18, 32, 5));
        assertThat(photo.offset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(photo.takenAt()).contains(OffsetDateTime.of(2024, 7, 14, 18, 32, 5, 0, ZoneOffset.ofHours(2)));
        assertThat(photo.camera()).as("the maker is not said twice").isEqualTo("Canon EOS R6");
    }

    @Test
    void aDateWithoutOffsetIsTheCamerasLocalTime() throws Exception {
        PhotoMetadata photo = read("taken-local.jpg");
        assertThat(photo.taken()).isEqualTo(LocalDateTime.of(2023, 12, 31, 23, 59, 58));
        assertThat(photo.offset()).isNull();
        assertThat(photo.takenAt()).isEmpty();
        assertThat(photo.camera()).isEqualTo("Apple iPhone 13");
    }

    @Test
    void theFilesChangeDateIsNotTheDateTakenAndNonsenseGivesNothing() throws Exception {
        assertThat(read("only-file-time.jpg").taken()).isNull();
        PhotoMetadata nonsense = read("nonsense-date.jpg");
        assertThat(nonsense.taken()).isNull();
        assertThat(nonsense.camera()).as("a blank maker").isNull();
        assertThat(read("no-exif.jpg")).isEqualTo(PhotoMetadata.NONE);
    }

    @Test
    void brokenOrForeignFilesGiveNothingRatherThanAnError() {
        assertThat(PhotoMetadataReader.read(new byte[0])).isEqualTo(PhotoMetadata.NONE);
        assertThat(PhotoMetadataReader.read("just some text".getBytes())).isEqualTo(PhotoMetadata.NONE);
        byte[] truncated = new byte[40];
        truncated[0] = (byte) 0xFF;
        truncated[1] = (byte) 0xD8;
        truncated[2] = (byte) 0xFF;
        truncated[3] = (byte) 0xE1;
        truncated[4] = (byte) 0x7F; // an APP1 segment that claims far more bytes than there are
        assertThat(PhotoMetadataReader.read(truncated)).isEqualTo(PhotoMetadata.NONE);
    }

    @Test
    void datesAndOffsetsAreReadStrictly() {
        assertThat(PhotoMetadataReader.date("2024:02:30 10:00:00")).as("no 30 February").isNull();
        assertThat(PhotoMetadataReader.date(" 2024:02:29 10:00:00 ")).isEqualTo(LocalDateTime.of(2024, 2, 29, 10, 0));
        assertThat(PhotoMetadataReader.offset("+25:00")).isNull();
        assertThat(PhotoMetadataReader.offset("-05:30")).isEqualTo(ZoneOffset.ofHoursMinutes(-5, -30));
    }
}
