package org.imageorganizer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.codec.digest.DigestUtils;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.NewImage;

/** A library of real, distinct JPEG files indexed in place, as {@code organize} leaves it, without running a model. */
public final class PhotoLibrary {
    public static final String MODEL = "clip-vit-b32@test";

    private PhotoLibrary() {
    }

    /** Writes {@code count} small photos into {@code folder} and adds them to the library; returns their records by id. */
    public static List<ImageRecord> fill(LibraryDatabase library, Path folder, int count) {
        return fill(library, folder, 0, count);
    }

    /** As {@link #fill(LibraryDatabase, Path, int)}, photos number {@code first} to {@code first + count - 1}. */
    public static List<ImageRecord> fill(LibraryDatabase library, Path folder, int first, int count) {
        library.info().claimModel(MODEL);
        List<ImageRecord> added = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (int i = first; i < first + count; i++) {
                Path file = folder.resolve(String.format("photo-%03d.jpg", i));
                java.awt.image.BufferedImage picture = TestImages.picture(i % 7, i, 48 + i % 5, 40);
                java.awt.Graphics2D g = picture.createGraphics();
                g.setColor(new java.awt.Color(i * 37 % 256, i * 91 % 256, i * 53 % 256)); // one mark per photo: no two alike
                g.fillRect(0, 0, 12, 12);
                g.dispose();
                byte[] jpeg = TestImages.encode(picture, "jpg");
                Files.write(file, jpeg);
                float[] embedding = new float[16];
                embedding[i % 16] = 1;
                added.add(library.images().insert(new NewImage(DigestUtils.sha256Hex(jpeg), file.toAbsolutePath().toString(),
                        file.getFileName().toString(), jpeg.length, 48 + i % 5, 40, "jpeg", StorageKind.INDEXED,
                        new Classification(new Label(i % 2 == 0 ? "dog" : "cat", 0.9), new Label("indoor", 0.8)),
                        embedding, MODEL)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return added;
    }
}
