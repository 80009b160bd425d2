package org.imageorganizer.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.imageorganizer.model.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records of verified model files: trusted while the file's stamp matches, and any doubt means hashing again. */
class VerifiedFilesTest {
    @TempDir
    Path dir;

    private Path folder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("model"));
        for (String name : new String[] {"manifest.json", "tiny-clip.pt", "tokenizer.json"}) {
            Files.copy(TinyModel.DIR.resolve(name), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return folder;
    }

    private VerifiedFiles records() {
        return new VerifiedFiles(dir.resolve("cache/verified-files"));
    }

    private static String expectedSha(Path folder) {
        ModelManifest manifest = ModelFolder.manifest(folder);
        return manifest.files().stream().filter(f -> f.path().equals(manifest.modelFile())).findFirst().orElseThrow().sha256();
    }

    @Test
    void aCheckedFileIsRecordedAndThenVouchedForWhileItsStampIsTheSame() throws IOException {
        Path folder = folder();
        Path model = folder.resolve("tiny-clip.pt");
        VerifiedFiles records = records();
        assertThat(records.vouchesFor(model, VerificationStamp.of(model), expectedSha(folder))).isFalse();

        ModelFolder.open(folder, records);

        assertThat(records.recordFile(model)).exists();
        assertThat(Files.readString(records.recordFile(model))).contains(model.toString()).contains(expectedSha(folder));
        assertThat(records.vouchesFor(model, VerificationStamp.of(model), expectedSha(folder))).isTrue();
        assertThat(records.vouchesFor(model, VerificationStamp.of(model), "0".repeat(64))).as("another expected hash").isFalse();
        assertThat(records.vouchesFor(folder.resolve("tokenizer.json"), VerificationStamp.of(model), expectedSha(folder)))
                .as("another path").isFalse();
        assertThat(VerifiedFiles.none().vouchesFor(model, VerificationStamp.of(model), expectedSha(folder))).isFalse();
    }

    @Test
    void aFileRewrittenWithTheSameSizeAndModificationTimeIsHashedAgainAndRefused() throws IOException {
        Path folder = folder();
        Path model = folder.resolve("tiny-clip.pt");
        VerifiedFiles records = records();
        ModelFolder.open(folder, records);
        FileTime modified = Files.getLastModifiedTime(model);
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 0x5a;

        Files.write(model, bytes);
        Files.setLastModifiedTime(model, modified); // the status-change time (or the file key) still tells

        assertThatThrownBy(() -> ModelFolder.open(folder, records)).isInstanceOf(ModelException.class)
                .hasMessageContaining("has SHA-256");
    }

    @Test
    void aReplacedFileIsHashedAgainAndRefused() throws IOException {
        Path folder = folder();
        VerifiedFiles records = records();
        ModelFolder.open(folder, records);

        Files.write(folder.resolve("tokenizer.json"), "{}".getBytes());

        assertThatThrownBy(() -> ModelFolder.open(folder, records)).isInstanceOf(ModelException.class)
                .hasMessageContaining("tokenizer.json").hasMessageContaining("has SHA-256");
    }

    @Test
    void aBrokenOrHostileRecordOnlyMeansHashingAgain() throws IOException {
        Path folder = folder();
        Path model = folder.resolve("tiny-clip.pt");
        VerifiedFiles records = records();
        ModelFolder.open(folder, records);
        Path record = records.recordFile(model);
        String good = Files.readString(record);
        String sha = expectedSha(folder);

        for (String content : new String[] {"", "not json", "null", "[]", "{\"path\": 3}",
                good.replace(model.toString(), folder.resolve("other.pt").toString()),
                good.replace("\"size\":", "\"size\":1"), good.substring(0, good.length() / 2),
                good.replace("}", ", \"padding\": \"" + "x".repeat(5000) + "\"}")}) {
            Files.writeString(record, content);
            assertThat(records.vouchesFor(model, VerificationStamp.of(model), sha)).as(content.length() > 80
                    ? content.substring(0, 80) : content).isFalse();
            assertThat(ModelFolder.open(folder, records).manifest().modelId()).isEqualTo("tiny-clip-test-1");
            assertThat(records.vouchesFor(model, VerificationStamp.of(model), sha)).as("written again").isTrue();
        }

        Files.delete(record);
        Files.createDirectories(record); // a folder where the record should be is not read
        assertThat(records.vouchesFor(model, VerificationStamp.of(model), sha)).isFalse();
        assertThat(ModelFolder.open(folder, records).manifest().modelId()).isEqualTo("tiny-clip-test-1");
    }

    @Test
    void aRecordFolderThatCannotBeWrittenDoesNotStopTheCheck() throws IOException {
        Path folder = folder();
        Path blocked = Files.writeString(dir.resolve("not-a-folder"), "x");
        VerifiedFiles records = new VerifiedFiles(blocked);

        assertThat(ModelFolder.open(folder, records).manifest().modelId()).isEqualTo("tiny-clip-test-1");
        assertThat(records.vouchesFor(folder.resolve("tiny-clip.pt"), VerificationStamp.of(folder.resolve("tiny-clip.pt")),
                expectedSha(folder))).isFalse();
    }

    @Test
    void theManifestAloneCanBeReadWithoutTheFiles() throws IOException {
        Path folder = folder();
        Files.delete(folder.resolve("tiny-clip.pt"));

        assertThat(ModelFolder.manifest(folder).modelId()).isEqualTo("tiny-clip-test-1");
        assertThatThrownBy(() -> ModelFolder.open(folder, records())).isInstanceOf(ModelException.class)
                .hasMessageContaining("is missing tiny-clip.pt");
        try (Stream<Path> none = Files.list(folder)) {
            assertThat(none.count()).isEqualTo(2);
        }
    }
}
