package org.imageorganizer.imaging;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.imageorganizer.model.PhotoMetadata;

/**
 * Reads when a photo was taken and with which camera from its EXIF, with metadata-extractor (ADR 0048). Only the
 * photo's own "taken" date counts (DateTimeOriginal, with OffsetTimeOriginal when present): the IFD0 DateTime is when
 * the file was last changed, not when it was taken. Metadata that is missing, broken or nonsense (a date of
 * 0000:00:00, a blank maker) gives nothing rather than an error: the photo is imported all the same.
 */
public final class PhotoMetadataReader {
    private static final DateTimeFormatter EXIF_DATE = DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    /** EXIF strings longer than this are not a maker or a model. */
    private static final int MAX_TEXT = 128;

    private PhotoMetadataReader() {
    }

    /** What the file's metadata says; {@link PhotoMetadata#NONE} when it says nothing usable. */
    public static PhotoMetadata read(byte[] file) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(file), file.length);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return PhotoMetadata.NONE; // an unknown or broken container: the decoder says what is wrong with it
        }
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        LocalDateTime taken = exif == null ? null : date(exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL));
        ZoneOffset offset = taken == null ? null : offset(exif.getString(ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL));
        String make = ifd0 == null ? null : text(ifd0.getString(ExifIFD0Directory.TAG_MAKE));
        String model = ifd0 == null ? null : text(ifd0.getString(ExifIFD0Directory.TAG_MODEL));
        return PhotoMetadata.fromPhoto(taken, offset, make, model);
    }

    static LocalDateTime date(String text) {
        if (text == null) {
            return null;
        }
        try {
            LocalDateTime date = LocalDateTime.parse(text.strip(), EXIF_DATE);
            return date.getYear() < 1800 ? null : date; // zeros, or a clock never set
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static ZoneOffset offset(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ZoneOffset.of(text.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() || stripped.length() > MAX_TEXT || stripped.chars().anyMatch(Character::isISOControl)
                ? null : stripped;
    }
}
