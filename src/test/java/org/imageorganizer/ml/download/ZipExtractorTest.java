package org.imageorganizer.ml.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imageorganizer.model.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipExtractorTest {
    @TempDir
    Path dir;

    private Path write(String[] names, byte[][] contents) throws IOException {
        return Files.write(dir.resolve("a.zip"), ModelDownloaderTest.zip(names, contents));
    }

    @Test
    void extractsTheNamedEntryOnly() throws IOException {
        Path zip = write(new String[] {"readme.txt", "clip.pt"}, new byte[][] {"r".getBytes(), "model".getBytes()});

        ZipExtractor.extract(zip, "a.zip", "clip.pt", dir.resolve("out.pt"), 1000, 10);

        assertThat(dir.resolve("out.pt")).hasContent("model");
        assertThat(dir.resolve("readme.txt")).doesNotExist();
    }

    @Test
    void acceptsTheEntryInsideOneFolder() throws IOException {
        Path zip = write(new String[] {"clip/clip.pt"}, new byte[][] {"model".getBytes()});

        ZipExtractor.extract(zip, "a.zip", "clip.pt", dir.resolve("out.pt"), 1000, 10);

        assertThat(dir.resolve("out.pt")).hasContent("model");
    }

    @Test
    void missingEntry() throws IOException {
        Path zip = write(new String[] {"other.pt", "a/b/clip.pt"}, new byte[][] {{1}, {2}});

        assertThatThrownBy(() -> ZipExtractor.extract(zip, "a.zip", "clip.pt", dir.resolve("out.pt"), 1000, 10))
                .isInstanceOf(ModelException.class).hasMessageContaining("does not contain clip.pt");
        assertThat(dir.resolve("out.pt")).doesNotExist();
    }

    @Test
    void refusesUnsafeNames() throws IOException {
        for (String bad : new String[] {"../x", "a/../../x", "/etc/x", "C:/x", "..\\x"}) {
            Path zip = write(new String[] {bad, "clip.pt"}, new byte[][] {{1}, {2}});
            assertThatThrownBy(() -> ZipExtractor.extract(zip, "a.zip", "clip.pt", dir.resolve("out.pt"), 1000, 10))
                    .as(bad).isInstanceOf(ModelException.class).hasMessageContaining("unsafe entry name");
        }
        assertThat(ZipExtractor.unsafe("clip/clip.pt")).isFalse();
        assertThat(ZipExtractor.unsafe("clip..pt")).isFalse();
    }

    @Test
    void capsTheUnpackedSize() throws IOException {
        Path zip = write(new String[] {"clip.pt"}, new byte[][] {new byte[100_000]}); // compresses to almost nothing

        assertThatThrownBy(() -> ZipExtractor.extract(zip, "a.zip", "clip.pt", dir.resolve("out.pt"), 10_000, 10))
                .isInstanceOf(ModelException.class).hasMessageContaining("more than 10000 bytes");
        assertThat(dir.resolve("out.pt")).doesNotExist();
    }

    @Test
    void capsTheNumberOfEntries() throws IOException {
        String[] names = new String[12];
        byte[][] contents = new byte[12][];
        for (int i = 0; i < names.length; i++) {
            names[i] = "f" + i;
            contents[i] = new byte[] {(byte) i};
        }
        Path zip = write(names, contents);

        assertThatThrownBy(() -> ZipExtractor.extract(zip, "a.zip", "f1", dir.resolve("out"), 1000, 10))
                .isInstanceOf(ModelException.class).hasMessageContaining("entries");
    }

    @Test
    void notAZip() throws IOException {
        Path zip = Files.writeString(dir.resolve("a.zip"), "<html>not found</html>");

        assertThatThrownBy(() -> ZipExtractor.extract(zip, "a.zip", "clip.pt", dir.resolve("out.pt"), 1000, 10))
                .isInstanceOf(ModelException.class).hasMessageContaining("a.zip");
    }
}
