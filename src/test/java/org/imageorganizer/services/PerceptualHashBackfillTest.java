package org.imageorganizer.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.codec.digest.DigestUtils;
import org.imageorganizer.cluster.DuplicateThresholds;
import org.imageorganizer.cluster.IncrementalNearDuplicates;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.PerceptualHash;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.IndexedFiles;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.ManagedFolder;
import org.imageorganizer.store.NewImage;
import org.imageorganizer.store.StorageRouter;
import org.imageorganizer.testing.NearDuplicateSet;
import org.imageorganizer.testing.NearDuplicateSet.Variant;
import org.imageorganizer.testing.Scenes;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

/**
 * Photos imported before perceptual hashes get one from their file, and their links; a broken, a missing and a changed
 * file leave their photo matched by content only without stopping the pass (docs/decisions/0036).
 */
@Tag("database")
class PerceptualHashBackfillTest {
    @TempDir
    Path dir;

    @Test
    void photosWithoutAHashGetOneFromTheirFileAndABrokenFileStopsNothing() throws Exception {
        org.imageorganizer.imaging.OpenCvNatives.ensureLoaded();
        Mat scene = NearDuplicateSet.toMat(Scenes.scene(81, 640, 480));
        Path photos = dir.resolve("photos");
        java.nio.file.Files.createDirectories(photos);
        byte[] original = Variant.ORIGINAL.file(scene);
        byte[] resized = Variant.RESIZED_HALF.file(scene);
        scene.release();
        byte[] broken = java.util.Arrays.copyOf(original, 600); // a JPEG cut short
        List<NewImage> rows = new ArrayList<>();
        rows.add(row(TestImages.write(photos, "original.jpg", original), original));
        rows.add(row(TestImages.write(photos, "broken.jpg", broken), broken));
        rows.add(row(photos.resolve("gone.jpg"), "was here".getBytes()));
        Path changed = TestImages.write(photos, "changed.jpg", resized);
        rows.add(row(changed, "what it held when it was imported".getBytes()));
        rows.add(row(TestImages.write(photos, "resized.jpg", resized), resized));

        try (LibraryDatabase library = LibraryDatabase.open(dir.resolve("library"))) {
            List<Long> ids = new ArrayList<>();
            rows.forEach(r -> ids.add(library.images().insert(r).id())); // as a library from before schema version 5
            library.nearDuplicateLinks().useLinker(new IncrementalNearDuplicates(DuplicateThresholds.withVeto(-1)));
            PerceptualHashBackfill backfill = new PerceptualHashBackfill(library.fingerprints(),
                    library.nearDuplicateLinks(), library.images(),
                    new StorageRouter(new IndexedFiles(), new ManagedFolder(dir.resolve("managed"))), new SafeImageDecoder(),
                    NearDuplicateSet.MIN_SHORT_SIDE);

            PerceptualHashBackfill.Outcome outcome = backfill.run(() -> false);

            assertThat(outcome.hashed()).isEqualTo(2);
            assertThat(outcome.unreadable()).isEqualTo(3);
            List<byte[]> hashes = new ArrayList<>();
            library.fingerprints().of(ids).forEach(r -> hashes.add(r.perceptualHash()));
            assertThat(hashes.get(0)).as("the hash an import computes").isEqualTo(hashOf(original));
            assertThat(hashes.subList(1, 4)).containsOnlyNulls();
            assertThat(hashes.get(4)).isEqualTo(hashOf(resized));
            List<List<Long>> links = new ArrayList<>();
            library.nearDuplicateLinks().forEach(l -> links.add(List.of(l.firstId(), l.secondId())));
            assertThat(links).containsExactly(List.of(ids.get(0), ids.get(4)));
            assertThat(library.nearDuplicateLinks().complete()).isTrue();

            PerceptualHashBackfill.Outcome again = backfill.run(() -> false);
            assertThat(again).isEqualTo(new PerceptualHashBackfill.Outcome(0, 3, -1));
        }
    }

    /** The hash an import computes for these bytes. */
    private static byte[] hashOf(byte[] file) {
        PerceptualHash hash = new org.imageorganizer.imaging.PerceptualHasher()
                .hash(NearDuplicateSet.decode(new SafeImageDecoder(), file).image());
        return hash.toBytes();
    }

    private static NewImage row(Path file, byte[] content) {
        return new NewImage(DigestUtils.sha256Hex(content), file.toAbsolutePath().toString(),
                file.getFileName().toString(), content.length, 640, 480, "jpeg", StorageKind.INDEXED,
                new Classification(new Label("thing", 0.9), new Label("place", 0.8)), new float[] {1, 0, 0}, "test-model");
    }
}
