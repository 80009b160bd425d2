package org.imageorganizer.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.imageorganizer.cluster.DuplicateThresholds;
import org.imageorganizer.cluster.IncrementalNearDuplicates;
import org.imageorganizer.model.LabelSettings;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.ml.DjlClipModel;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.ml.LabelEmbeddingCache;
import org.imageorganizer.ml.TestTimeAugmenter;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.store.IndexedFiles;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.testing.NearDuplicateSet;
import org.imageorganizer.testing.NearDuplicateSet.Variant;
import org.imageorganizer.testing.Scenes;
import org.imageorganizer.testing.TestImages;
import org.imageorganizer.ml.TinyModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

/**
 * An import links each new photo to its near-duplicates as it stores it (docs/decisions/0036): variants in one folder
 * are linked to each other, and variants imported later to the photos already in the library.
 */
@Tag("model")
@Tag("database")
class ImportLinksTest {
    @TempDir
    static Path shared;
    private static DjlClipModel model;
    private static ImageClassifier classifier;
    private static ImageEmbedder embedder;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() {
        model = TinyModel.load();
        classifier = ImageClassifier.create(model, LabelSettings.defaults(), new LabelEmbeddingCache(shared.resolve("labels")));
        embedder = new ImageEmbedder(model, new TestTimeAugmenter(1));
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void variantsAreLinkedAtImportAndLaterVariantsJoinThem() {
        org.imageorganizer.imaging.OpenCvNatives.ensureLoaded();
        Mat scene = NearDuplicateSet.toMat(Scenes.scene(71, 640, 480));
        Mat other = NearDuplicateSet.toMat(Scenes.scene(72, 480, 640));
        Path first = dir.resolve("first");
        write(first, "a-original.jpg", Variant.ORIGINAL.file(scene));
        write(first, "a-half.jpg", Variant.RESIZED_HALF.file(scene));
        write(first, "a-turned.jpg", Variant.ROTATED_90.file(scene));
        write(first, "b-original.jpg", Variant.ORIGINAL.file(other));
        Path second = dir.resolve("second");
        write(second, "a-recompressed.jpg", Variant.RECOMPRESSED.file(scene));
        write(second, "a-exif.jpg", Variant.EXIF_90.file(scene));
        write(second, "a-cropped.jpg", Variant.CROPPED_EDGES.file(scene));
        write(second, "b-png.png", Variant.PNG.file(other));

        try (LibraryDatabase library = LibraryDatabase.open(dir.resolve("library"))) {
            library.nearDuplicateLinks().useLinker(new IncrementalNearDuplicates(DuplicateThresholds.withVeto(-1)));
            ImportPipeline pipeline = new ImportPipeline(new SafeImageDecoder(), embedder, classifier, library,
                    new IndexedFiles(), () -> { }, new ImportOptions(2, 4, 8));

            pipeline.run(List.of(first), new ImportPipelineTest.Recorder(), () -> false);
            assertThat(linked(library)).containsExactlyInAnyOrder("a-half.jpg + a-original.jpg",
                    "a-original.jpg + a-turned.jpg", "a-half.jpg + a-turned.jpg");

            pipeline.run(List.of(second), new ImportPipelineTest.Recorder(), () -> false);
            Set<String> after = linked(library);
            for (String late : List.of("a-recompressed.jpg", "a-exif.jpg", "a-cropped.jpg")) {
                assertThat(after).as(late + " joins the photos imported before").contains(pair(late, "a-original.jpg"));
            }
            assertThat(after).contains("b-original.jpg + b-png.png");
            assertThat(after).noneMatch(p -> p.contains("a-") && p.contains("b-"));
            assertThat(library.nearDuplicateLinks().complete()).isTrue();
        } finally {
            scene.release();
            other.release();
        }
    }

    private static void write(Path folder, String name, byte[] bytes) {
        try {
            java.nio.file.Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        TestImages.write(folder, name, bytes);
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + " + " + b : b + " + " + a;
    }

    /** The links as pairs of file names. */
    private static Set<String> linked(LibraryDatabase library) {
        Map<Long, String> names = new HashMap<>();
        for (ImageRecord r : library.images().list(0, 100)) {
            names.put(r.id(), r.fileName());
        }
        List<String> pairs = new ArrayList<>();
        library.nearDuplicateLinks().forEach(l -> pairs.add(pair(names.get(l.firstId()), names.get(l.secondId()))));
        return new TreeSet<>(pairs);
    }
}
