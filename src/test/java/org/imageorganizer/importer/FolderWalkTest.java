package org.imageorganizer.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.DuplicateFile;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.ImportListener;
import org.imageorganizer.model.ImportSummary;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.FileStamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk that decides whether an import has anything to read, and ends one that has not. */
class FolderWalkTest {
    @TempDir
    Path dir;

    private static ImageRecord record(long id, FileStamp stamp) {
        return new ImageRecord(id, "sha" + id, stamp.location(), Path.of(stamp.location()).getFileName().toString(),
                stamp.byteSize(), 10, 10, "jpeg", Instant.EPOCH, new Classification(new Label("dog", 1), new Label("beach", 1)),
                StorageKind.INDEXED);
    }

    private FolderWalk walk() throws IOException {
        Files.write(dir.resolve("a.jpg"), new byte[] {1, 2, 3});
        Files.write(Files.createDirectories(dir.resolve("sub")).resolve("b.jpg"), new byte[] {4, 5});
        return FolderWalk.of(List.of(dir), ImportListener.NONE, () -> false);
    }

    @Test
    void everyFileUnchangedEndsTheImportWithEachAlreadyInTheLibraryInWalkOrder() throws IOException {
        FolderWalk walk = walk();
        assertThat(walk.allUnchanged()).as("not asked yet").isFalse();
        AtomicInteger asked = new AtomicInteger();
        walk.lookUp(stamps -> {
            asked.incrementAndGet();
            Map<String, ImageRecord> all = new HashMap<>();
            stamps.forEach(s -> all.put(s.location(), record(all.size() + 1, s)));
            return all;
        });
        walk.lookUp(stamps -> Map.of());

        assertThat(asked).hasValue(1);
        assertThat(walk.allUnchanged()).isTrue();
        ImportSummary summary = walk.summaryOfUnchanged(() -> false);
        assertThat(summary.found()).isEqualTo(2);
        assertThat(summary.imported()).isZero();
        assertThat(summary.duplicates()).isEqualTo(2);
        assertThat(summary.duplicateFiles()).extracting(DuplicateFile::path)
                .containsExactly(dir.resolve("a.jpg"), dir.resolve("sub/b.jpg"));
        assertThat(summary.duplicateFiles()).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(DuplicateFile.Kind.EARLIER_RUN);
            assertThat(d.original()).isEqualTo(d.path().toString());
            assertThat(d.moved()).isFalse();
        });
    }

    @Test
    void aFileToReadOrALookUpThatFailsLeavesTheImportToThePipeline() throws IOException {
        FolderWalk some = walk();
        some.lookUp(stamps -> Map.of(dir.resolve("a.jpg").toString(), record(1, stamps.iterator().next())));
        assertThat(some.allUnchanged()).isFalse();
        assertThatThrownBy(() -> some.summaryOfUnchanged(() -> false)).isInstanceOf(IllegalStateException.class);

        FolderWalk failed = FolderWalk.of(List.of(dir), ImportListener.NONE, () -> false);
        failed.lookUp(stamps -> {
            throw new IllegalStateException("the library could not say");
        });
        assertThat(failed.allUnchanged()).isFalse();
    }
}
