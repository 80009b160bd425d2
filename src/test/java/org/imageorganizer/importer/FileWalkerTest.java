package org.imageorganizer.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.imageorganizer.model.FileFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWalkerTest {
    @TempDir
    Path dir;

    private final List<Path> files = new ArrayList<>();
    private final List<FileFailure> problems = new ArrayList<>();

    private void walk(BooleanSupplier cancelled, Path... roots) {
        new FileWalker().walk(List.of(roots), files::add, problems::add, cancelled);
    }

    private void walk(Path... roots) {
        walk(() -> false, roots);
    }

    private Path touch(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relative);
        return file.toAbsolutePath().normalize();
    }

    /** Creates a symbolic link, or skips the test where the file system or user cannot. */
    private Path link(String relative, Path target) throws IOException {
        Path link = dir.resolve(relative);
        Files.createDirectories(link.getParent());
        try {
            return Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links are not available: " + e);
            throw e;
        }
    }

    @Test
    void findsFilesInNestedFoldersAsAbsoluteNormalisedPaths() throws IOException {
        Path a = touch("a.jpg");
        Path b = touch("one/b.png");
        Path c = touch("one/two/three/c.gif");
        Files.createDirectories(dir.resolve("empty/folder"));

        walk(dir.resolve("one/..")); // a non-normalised root

        assertThat(files).containsExactlyInAnyOrder(a, b, c);
        assertThat(files).allSatisfy(p -> assertThat(p).isAbsolute().isEqualTo(p.normalize()));
        assertThat(problems).isEmpty();
    }

    @Test
    void skipsHiddenFilesAndEverythingInHiddenFolders() throws IOException {
        Path visible = touch("photos/visible.jpg");
        touch("photos/.hidden.jpg");
        touch("photos/.thumbnails/thumb.jpg");
        touch(".git/objects/blob.jpg");
        touch("photos/.cache/deep/inside/x.jpg");

        walk(dir);

        assertThat(files).containsExactly(visible);
        assertThat(problems).isEmpty();
    }

    @Test
    void aHiddenFolderGivenExplicitlyIsStillSearched() throws IOException {
        Path inside = touch(".photos/inside.jpg");
        touch(".photos/.really-hidden.jpg");

        walk(dir.resolve(".photos"));

        assertThat(files).containsExactly(inside);
    }

    @Test
    void survivesASymlinkLoopWithoutDuplicates() throws IOException {
        Path top = touch("top.jpg");
        Path nested = touch("dir/nested.jpg");
        link("dir/loop", Path.of(".."));
        link("dir/self", Path.of("."));

        walk(dir);

        assertThat(files).containsExactlyInAnyOrder(top, nested);
        assertThat(problems).isEmpty();
    }

    @Test
    void aFileReachedThroughTwoLinksIsReportedOnce() throws IOException {
        Path real = touch("store/real.jpg");
        link("albums/first.jpg", real);
        link("albums/second.jpg", real);
        Path other = touch("elsewhere/photos/p.jpg");
        link("albums/linked-folder", dir.resolve("elsewhere/photos"));

        walk(dir.resolve("albums"), dir.resolve("store"), dir.resolve("elsewhere"));

        assertThat(files).hasSize(2).doesNotHaveDuplicates();
        assertThat(files.stream().map(p -> {
            try {
                return p.toRealPath();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList()).containsExactlyInAnyOrder(real.toRealPath(), other.toRealPath());
        assertThat(problems).isEmpty();
    }

    @Test
    void theSameFileGivenTwiceAsRootOrInsideAFolderIsReportedOnce() throws IOException {
        Path file = touch("x/photo.jpg");

        walk(file, dir.resolve("x"), file);

        assertThat(files).containsExactly(file);
    }

    @Test
    void aMissingRootIsReportedAndTheOthersAreStillWalked() throws IOException {
        Path good = touch("good/a.jpg");
        Path missing = dir.resolve("missing/../not-here");

        walk(missing, dir.resolve("good"));

        assertThat(problems).containsExactly(new FileFailure(dir.resolve("not-here").toAbsolutePath(), "no such file or folder"));
        assertThat(files).containsExactly(good);
    }

    @Test
    void theOrderIsByNameInEveryFolderWhateverOrderTheFilesWereMadeIn() throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            names.add(String.format("p%02d.jpg", i));
        }
        names.addAll(List.of("nested/b.jpg", "nested/a.jpg", "m/z.jpg", "q/deeper/x.jpg", "q/c.jpg"));
        List<String> creation = new ArrayList<>(names);
        java.util.Collections.shuffle(creation, new java.util.Random(42));
        for (String name : creation) {
            touch(name);
        }

        walk(dir);

        List<String> expected = new ArrayList<>(List.of("m/z.jpg", "nested/a.jpg", "nested/b.jpg"));
        names.stream().filter(n -> n.startsWith("p")).forEach(expected::add);
        expected.addAll(List.of("q/c.jpg", "q/deeper/x.jpg"));
        assertThat(files.stream().map(p -> dir.toAbsolutePath().relativize(p).toString().replace('\\', '/')).toList())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aSingleFileRootIsReportedEvenWithoutAnImageExtension() throws IOException {
        Path file = touch("notes/readme.txt");

        walk(file);

        assertThat(files).containsExactly(file);
        assertThat(problems).isEmpty();
    }

    @Test
    void aBrokenLinkIsNeitherAFileNorACrash() throws IOException {
        Path good = touch("d/good.jpg");
        link("d/broken.jpg", dir.resolve("d/gone.jpg"));

        walk(dir.resolve("d"));

        assertThat(files).containsExactly(good);
    }

    @Test
    void cancellationStopsTheWalkEarly() throws IOException {
        for (int i = 0; i < 20; i++) {
            touch("many/f" + i + ".jpg");
        }

        walk(() -> files.size() >= 3, dir.resolve("many"));

        assertThat(files).hasSize(3);
    }

    @Test
    void cancellationBeforeTheStartFindsNothing() throws IOException {
        Path single = touch("single.jpg");
        touch("folder/a.jpg");

        walk(() -> true, single, dir.resolve("folder"), dir.resolve("missing"));

        assertThat(files).isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void cancellationAlsoStopsTheRemainingRoots() throws IOException {
        for (int i = 0; i < 5; i++) {
            touch("first/f" + i + ".jpg");
        }
        Path laterFile = touch("later.jpg");
        touch("second/s.jpg");

        walk(() -> files.size() >= 2, dir.resolve("first"), laterFile,
                dir.resolve("second"), dir.resolve("missing"));

        assertThat(files).hasSize(2).doesNotContain(laterFile);
        assertThat(files).allSatisfy(p -> assertThat(p.getParent()).isEqualTo(dir.resolve("first").toAbsolutePath()));
        assertThat(problems).isEmpty();
    }
}
