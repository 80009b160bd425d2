package org.imageorganizer.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.imageorganizer.bench.SyntheticHashes;
import org.imageorganizer.cluster.DuplicateThresholds;
import org.imageorganizer.cluster.IncrementalNearDuplicates;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.NewImage;
import org.imageorganizer.testing.NearDuplicateSet;
import org.imageorganizer.testing.NearDuplicateSet.Photo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stacks read from the links kept at import equal the full pass's on the same photos (docs/decisions/0036):
 * variants of generated scenes (resized, recompressed, converted, turned in pixels and by EXIF, cropped, edited) and
 * hard negatives (crops of one wide picture overlapping 45%, the same place panned 10%), with embeddings close within a
 * scene so that the veto is at work too.
 */
@Tag("database")
@Tag("slow")
class LinkedDuplicatesTest {
    @TempDir
    Path dir;
    private final List<LibraryDatabase> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(LibraryDatabase::close);
    }

    @Test
    void stacksFromTheLinksAreTheFullPasses() {
        List<Photo> photos = NearDuplicateSet.photos(NearDuplicateSet.bases(4100, 10, 2, 0.10), new SafeImageDecoder());
        List<NewImage> images = images(photos);

        LibraryDatabase linked = library("linked");
        linked.nearDuplicateLinks().useLinker(new IncrementalNearDuplicates(DuplicateThresholds.withVeto(-1)));
        for (int i = 0; i < images.size(); ) { // one by one and in batches, as imports and uploads store them
            int batch = i % 3 == 0 ? 1 : 5;
            linked.images().insertAll(images.subList(i, Math.min(images.size(), i + batch)));
            i += batch;
        }
        LibraryDatabase scanned = library("scanned"); // no linker: its links are never complete, stacks by a full pass
        images.forEach(scanned.images()::insert);
        assertThat(linked.nearDuplicateLinks().complete()).isTrue();
        assertThat(scanned.nearDuplicateLinks().state().rule()).isNull();

        for (double veto : new double[] {-1, 0.9}) {
            PhotoDuplicates fromLinks = duplicates(linked, veto);
            PhotoDuplicates fullPass = duplicates(scanned, veto);
            List<List<String>> expected = summary(fullPass.stacks(false));
            assertThat(expected).as("the set has stacks").hasSizeGreaterThan(10);
            assertThat(summary(fromLinks.stacks(false))).isEqualTo(expected);
            for (long id = 1; id <= images.size(); id += 7) {
                assertThat(fromLinks.nearDuplicatesOf(id)).as("near-duplicates of %d", id)
                        .isEqualTo(fullPass.nearDuplicatesOf(id));
            }
        }
        // with the veto, the rotated variants stay while the hard negatives' pairs by chance go
        assertThat(summary(duplicates(linked, 0.9).stacks(false))).isNotEqualTo(summary(duplicates(linked, -1).stacks(false)));
    }

    private LibraryDatabase library(String name) {
        LibraryDatabase library = LibraryDatabase.open(dir.resolve(name));
        open.add(library);
        return library;
    }

    private static PhotoDuplicates duplicates(LibraryDatabase library, double veto) {
        return new StoredPhotoDuplicates(library.fingerprints(), library.nearDuplicateLinks(),
                new StoredLibraryQueries(library.images(), (org.imageorganizer.cluster.LibraryClusterer) null), id -> {
                    throw new UnsupportedOperationException();
                }, () -> DuplicateThresholds.withVeto(veto), library.embeddings()::stamp);
    }

    /** Each stack as its token, keeper and others with their reasons: everything a front end shows. */
    private static List<List<String>> summary(List<PhotoDuplicates.PhotoStack> stacks) {
        List<List<String>> out = new ArrayList<>();
        for (PhotoDuplicates.PhotoStack stack : stacks) {
            List<String> row = new ArrayList<>();
            row.add(stack.token());
            row.add(stack.keeper().image().fileName());
            stack.others().forEach(o -> row.add(o.image().fileName() + ": " + o.why()));
            out.add(row);
        }
        return out;
    }

    /**
     * The photos as library rows: an embedding per base photo (random), each variant within cosine about 0.95 of
     * it; turned variants get an unrelated one (CLIP is not rotation-invariant), which the veto must not judge.
     */
    private static List<NewImage> images(List<Photo> photos) {
        SplittableRandom random = new SplittableRandom(7);
        List<float[]> ofGroup = new ArrayList<>();
        List<NewImage> images = new ArrayList<>();
        for (Photo p : photos) {
            while (ofGroup.size() <= p.group()) {
                ofGroup.add(SyntheticHashes.unitVector(random, null, 0, 32));
            }
            boolean turned = p.variant().name().startsWith("ROTATED") || p.variant().name().startsWith("EXIF");
            float[] embedding = turned ? SyntheticHashes.unitVector(random, null, 0, 32)
                    : SyntheticHashes.unitVector(random, ofGroup.get(p.group()), 0.3, 32);
            String name = p.name().replace(" / ", "-").replace(' ', '_') + "." + p.format();
            images.add(new NewImage(p.sha256(), "/photos/" + name, name, p.byteSize(), p.width(), p.height(), p.format(),
                    StorageKind.INDEXED, new Classification(new Label("thing", 0.9), new Label("place", 0.8)), embedding,
                    "test-model", null, p.hash().toBytes()));
        }
        return images;
    }
}
