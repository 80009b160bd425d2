package org.imageorganizer.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.imageorganizer.imaging.DecodedImage;
import org.imageorganizer.imaging.ImageDecoder;
import org.imageorganizer.imaging.ImageRejectedException;
import org.imageorganizer.imaging.SafeImageDecoder;
import org.imageorganizer.ml.ImageClassifier;
import org.imageorganizer.ml.ImageEmbedder;
import org.imageorganizer.ml.LabelEmbeddingCache;
import org.imageorganizer.ml.TestTimeAugmenter;
import org.imageorganizer.ml.TinyModel;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.ImportListener;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.LabelSettings;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.FileStamp;
import org.imageorganizer.store.IndexedFiles;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.LibraryException;
import org.imageorganizer.store.LibraryReader;
import org.imageorganizer.store.NewImage;
import org.imageorganizer.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder import on a library that is still opening: the look-ups are answered meanwhile (by the
 * reader, or by "nothing" for a new library), only a few files are read before it opens, the writes
 * wait for it, and a library that cannot be opened stops the import with its own failure.
 */
@Tag("model")
@Tag("database")
class OpeningLibraryTest {
    private static final ImportOptions OPTIONS = new ImportOptions(2, 4, 12);

    @TempDir
    Path dir;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    private LibraryDatabase library(String name) {
        LibraryDatabase library = LibraryDatabase.open(dir.resolve(name));
        opened.add(library);
        return library;
    }

    private List<Path> pictures(int count) {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(TestImages.write(TestImages.picture(i % 3, i, 256 + i, 240), "png", dir.resolve("photos/p" + i + ".png")));
        }
        return files;
    }

    /** The pipeline as {@code organize} builds it: the model loaded on demand, the library given. */
    private ImportPipeline pipeline(OpeningLibrary library, ImageDecoder decoder) {
        return pipeline(library, decoder, new CountDownLatch(0));
    }

    /** As {@link #pipeline(OpeningLibrary, ImageDecoder)}, the model's load held until {@code modelLoads} opens. */
    private ImportPipeline pipeline(OpeningLibrary library, ImageDecoder decoder, CountDownLatch modelLoads) {
        ModelOnDemand model = new ModelOnDemand(TinyModel.load().manifest(), () -> {
                    try {
                        modelLoads.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return TinyModel.load();
                },
                m -> ImageClassifier.create(m, LabelSettings.defaults(), new LabelEmbeddingCache(dir.resolve("labels"))));
        opened.add(model);
        return new ImportPipeline(decoder, new ImageEmbedder(model.model(), new TestTimeAugmenter(1)), model, library,
                new IndexedFiles(), () -> { }, OPTIONS);
    }

    /** Counts the files decoded, and how many of them were decoded before {@code library} was done. */
    private static final class CountingDecoder implements ImageDecoder {
        private final ImageDecoder decoder = new SafeImageDecoder();
        private final CompletableFuture<?> library;
        final AtomicInteger decoded = new AtomicInteger();
        final AtomicInteger beforeOpen = new AtomicInteger();

        CountingDecoder(CompletableFuture<?> library) {
            this.library = library;
        }

        @Override
        public byte[] read(Path file) throws ImageRejectedException {
            return decoder.read(file);
        }

        @Override
        public DecodedImage decode(byte[] content, int minShortSide) throws ImageRejectedException {
            if (!library.isDone()) {
                beforeOpen.incrementAndGet();
            }
            DecodedImage image = decoder.decode(content, minShortSide);
            decoded.incrementAndGet();
            return image;
        }
    }

    @Test
    void aNewLibraryIsCreatedWhileTheFirstFilesAreReadAndEveryImageIsStoredOnceItOpens() throws Exception {
        List<Path> files = pictures(12);
        CompletableFuture<LibraryDatabase> opening = new CompletableFuture<>();
        CountingDecoder decoder = new CountingDecoder(opening);
        ImportPipeline pipeline = pipeline(OpeningLibrary.created(opening), decoder);

        CompletableFuture<ImportSummary> run = CompletableFuture.supplyAsync(
                () -> pipeline.run(List.of(dir.resolve("photos")), ImportListener.NONE, () -> false));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            // the first files are read and decoded without the library (no look-up waits for it)...
            while (decoder.decoded.get() < ImportPipeline.BEFORE_OPEN) {
                Thread.sleep(10);
            }
            // ...and no more than those while it opens
            Thread.sleep(300);
            assertThat(decoder.decoded).hasValue(ImportPipeline.BEFORE_OPEN);
            assertThat(run).isNotDone();
            opening.complete(library("library"));
            ImportSummary summary = run.get();
            assertThat(summary.imported()).isEqualTo(files.size());
        });
        assertThat(decoder.beforeOpen).hasValue(ImportPipeline.BEFORE_OPEN);
        assertThat(opening.get().images().count()).isEqualTo(files.size());
    }

    @Test
    void whileTheModelLoadsAfterTheLibraryOpenedOnlyTheFirstFilesAreDecoded() throws Exception {
        List<Path> files = pictures(12);
        CompletableFuture<LibraryDatabase> opening = new CompletableFuture<>();
        CountingDecoder decoder = new CountingDecoder(opening);
        CountDownLatch modelLoads = new CountDownLatch(1);
        ImportPipeline pipeline = pipeline(OpeningLibrary.created(opening), decoder, modelLoads);

        CompletableFuture<ImportSummary> run = CompletableFuture.supplyAsync(
                () -> pipeline.run(List.of(dir.resolve("photos")), ImportListener.NONE, () -> false));
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                // a new library: the first file asks for the model, which loads while the library opens
                while (decoder.decoded.get() == 0) {
                    Thread.sleep(10);
                }
                opening.complete(library("library"));
                // the library is open, the model is not: the decoders leave the cores to its load
                Thread.sleep(300);
                assertThat(decoder.decoded).hasValue(ImportPipeline.BEFORE_OPEN);
                assertThat(run).isNotDone();
                modelLoads.countDown();
                assertThat(run.get().imported()).isEqualTo(files.size());
            });
        } finally {
            modelLoads.countDown();
        }
        assertThat(opening.get().images().count()).isEqualTo(files.size());
    }

    @Test
    void aLibraryThatCannotBeOpenedStopsTheImportWithItsOwnFailure() {
        pictures(6);
        CompletableFuture<LibraryDatabase> opening = new CompletableFuture<>();
        CountingDecoder decoder = new CountingDecoder(opening);
        ImportPipeline pipeline = pipeline(OpeningLibrary.created(opening), decoder);
        LibraryException cannot = new LibraryException("Cannot open the library x.mv.db: it is damaged.");

        CompletableFuture<ImportSummary> run = CompletableFuture.supplyAsync(
                () -> pipeline.run(List.of(dir.resolve("photos")), ImportListener.NONE, () -> false));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            while (decoder.decoded.get() == 0) {
                Thread.sleep(10);
            }
            opening.completeExceptionally(cannot);
            assertThatThrownBy(run::join).hasCause(cannot);
        });
        assertThat(decoder.decoded.get()).isLessThanOrEqualTo(ImportPipeline.BEFORE_OPEN);
    }

    @Test
    void theLookUpsAreAnsweredByTheReaderOrByNothingWhileTheLibraryOpensAndWaitForItOtherwise() throws Exception {
        LibraryDatabase library = library("existing");
        ImageRecord stored = library.images().insert(new NewImage("ab".repeat(32), dir.resolve("one.jpg").toString(), "one.jpg",
                1234, 640, 480, "jpeg", StorageKind.INDEXED, new Classification(new Label("dog", 0.9), new Label("beach", 0.8)),
                new float[] {1f, 0f}, "test-model"));
        library.locations().recordFileModified(stored.id(), stored.location(), 42L);
        FileStamp stamp = new FileStamp(stored.location(), stored.byteSize(), 42L);
        LibraryReader reader = LibraryReader.open(dir.resolve("existing")).orElseThrow();
        opened.add(reader);

        CompletableFuture<LibraryDatabase> pending = new CompletableFuture<>();
        OpeningLibrary read = OpeningLibrary.readThrough(pending, reader);
        assertThat(read.findBySha256(stored.sha256())).contains(stored);
        assertThat(read.unchangedFiles(List.of(stamp))).isEqualTo(Map.of(stored.location(), stored));
        OpeningLibrary created = OpeningLibrary.created(pending);
        assertThat(created.findBySha256(stored.sha256())).isEmpty();
        assertThat(created.unchangedFiles(List.of(stamp))).isEmpty();
        assertThat(created.failure()).isNull();

        OpeningLibrary waiting = OpeningLibrary.waitingFor(pending);
        CompletableFuture<java.util.Optional<ImageRecord>> found = CompletableFuture.supplyAsync(() -> {
            try {
                return waiting.findBySha256(stored.sha256());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Thread.sleep(200);
            assertThat(found).as("waits for the library").isNotDone();
            pending.complete(library);
            assertThat(found.get()).contains(stored);
        });
        // once open, the library itself answers
        assertThat(created.findBySha256(stored.sha256())).contains(stored);
        assertThat(created.await()).isSameAs(library);

        CompletableFuture<LibraryDatabase> failed = CompletableFuture.failedFuture(new LibraryException("no"));
        assertThat(OpeningLibrary.created(failed).failure()).isInstanceOf(LibraryException.class).hasMessage("no");
        assertThatThrownBy(() -> OpeningLibrary.created(failed).await()).isInstanceOf(LibraryException.class);
    }
}
