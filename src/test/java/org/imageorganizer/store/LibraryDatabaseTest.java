package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.imageorganizer.model.ImageRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("database")
class LibraryDatabaseTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        QuietLogging.apply();
    }

    @Test
    void migrationsCreateTheSchemaInAFreshFileInNewFolders() throws Exception {
        Path file = dir.resolve("a/b/library.mv.db");
        try (LibraryDatabase library = LibraryDatabase.open(file)) {
            assertThat(library.images().count()).isZero();
            assertThat(library.info().libraryVersion()).isZero();
            assertThat(library.info().modelId()).isEmpty();
        }
        assertThat(file).exists();
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("a/b/library"), "sa", "");
                ResultSet rs = c.createStatement().executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertThat(tables).containsExactly("CATEGORY", "CLUSTER_IDENTITY", "CLUSTER_MEMBER", "GROUP_CLUSTERING", "IMAGE",
                "IMAGE_LOCATION", "LABEL_CORRECTION", "LIBRARY_INFO", "NEAR_DUPLICATE_LINK", "REMOTE_COPY",
                "flyway_schema_history");
    }

    @Test
    void aLibraryOfSchemaVersion1IsBroughtToVersion2WithItsImages() throws Exception {
        Path base = dir.resolve("old");
        String url = "jdbc:h2:file:" + base;
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().executeUpdate("INSERT INTO image (sha256, location, storage) VALUES ('"
                    + TestRecords.sha("old") + "', '/photos/old.jpg', 'INDEXED')");
        }
        try (LibraryDatabase library = LibraryDatabase.open(dir.resolve("old.mv.db"))) {
            assertThat(library.images().count()).isEqualTo(1);
            assertThat(library.remoteCopies().countWithoutCopy()).isEqualTo(1);
            library.info().claimModel(TestRecords.MODEL);
            NewImage cloud = TestRecords.image("cloud", "cat", "indoor");
            library.images().insert(new NewImage(cloud.sha256(), "image/authenticated/v1/io/" + cloud.sha256() + ".jpg",
                    cloud.fileName(), cloud.byteSize(), cloud.width(), cloud.height(), cloud.format(),
                    org.imageorganizer.model.StorageKind.CLOUDINARY, cloud.classification(), cloud.embedding(), cloud.modelId()));
            assertThat(library.images().count()).isEqualTo(2);
        }
    }

    @Test
    void imagesOfALibraryOfSchemaVersion3HaveNoFileTimeUntilTheirFileIsReadAgain() throws Exception {
        Path base = dir.resolve("v3");
        String url = "jdbc:h2:file:" + base;
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .target("3").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().executeUpdate("INSERT INTO image (sha256, location, byte_size, storage) VALUES ('"
                    + TestRecords.sha("v3") + "', '/photos/v3.jpg', 1234, 'INDEXED')");
        }
        try (LibraryDatabase library = LibraryDatabase.open(dir.resolve("v3.mv.db"))) {
            FileStamp stamp = new FileStamp("/photos/v3.jpg", 1234, 99L);
            assertThat(library.locations().unchangedFiles(java.util.List.of(stamp))).isEmpty();
            long id = library.images().findBySha256(TestRecords.sha("v3")).orElseThrow().id();
            library.locations().recordFileModified(id, "/photos/v3.jpg", 99L);
            assertThat(library.locations().unchangedFiles(java.util.List.of(stamp))).containsOnlyKeys("/photos/v3.jpg");
        }
    }

    @Test
    void aLibraryOfSchemaVersion6GetsTheCategoriesOfTheSettingsAndKeepsItsLabelsAsTheModels() throws Exception {
        Path base = dir.resolve("v6");
        String url = "jdbc:h2:file:" + base;
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations(LibraryDatabase.MIGRATIONS)
                .target("6").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().executeUpdate("INSERT INTO image (sha256, location, storage, object_label, object_confidence,"
                    + " background_label, background_confidence) VALUES ('" + TestRecords.sha("v6")
                    + "', '/photos/v6.jpg', 'INDEXED', 'receipt', 0.8, 'kitchen', 0.6)");
        }
        org.imageorganizer.model.LabelSettings seed = new org.imageorganizer.model.LabelSettings(
                List.of("receipt", "cake", "Other"), List.of("kitchen", "garden"), null, null, 0.35);
        try (LibraryDatabase library = LibraryDatabase.open(dir.resolve("v6.mv.db"), seed)) {
            assertThat(library.categories().all()).extracting(org.imageorganizer.model.Category::name)
                    .as("\"other\" is not a category").containsExactly("receipt", "cake", "kitchen", "garden");
            assertThat(library.info().confidenceThreshold()).isEqualTo(0.35);
            org.imageorganizer.model.ImageRecord old = library.images().findBySha256(TestRecords.sha("v6")).orElseThrow();
            assertThat(old.classification().object()).isEqualTo(new org.imageorganizer.model.Label("receipt", 0.8, false));
            java.util.List<ImageLabels.Stored> none = new java.util.ArrayList<>();
            library.labels().forEach(none::add); // it has no embedding
            assertThat(none).isEmpty();
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                ResultSet rs = c.createStatement().executeQuery("SELECT predicted_object, predicted_background FROM image")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("receipt");
            assertThat(rs.getString(2)).isEqualTo("kitchen");
        }
        try (LibraryDatabase again = LibraryDatabase.open(dir.resolve("v6.mv.db"))) {
            assertThat(again.categories().all()).as("seeded once").hasSize(4);
        }
    }

    @Test
    void reopeningKeepsTheData() {
        Path file = dir.resolve("library.mv.db");
        ImageRecord stored;
        try (LibraryDatabase library = LibraryDatabase.open(file)) {
            library.info().claimModel(TestRecords.MODEL);
            stored = library.images().insert(TestRecords.image("one", "dog", "beach"));
        }
        try (LibraryDatabase library = LibraryDatabase.open(dir.resolve("library"))) {
            assertThat(library.images().findById(stored.id())).contains(stored);
            assertThat(library.images().embeddingOf(stored.id())).get()
                    .satisfies(v -> assertThat(v).containsExactly(TestRecords.vector("one".hashCode())));
            assertThat(library.info().modelId()).contains(TestRecords.MODEL);
            assertThat(library.info().libraryVersion()).isEqualTo(1);
        }
    }

    @Test
    void garbageFileGivesAOneLineMessage() throws Exception {
        Path file = dir.resolve("library.mv.db");
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(file, garbage);
        assertThatThrownBy(() -> LibraryDatabase.open(file))
                .isInstanceOf(LibraryException.class)
                .hasMessage("Cannot open the library " + file + ": the file is damaged or is not a library database.");
    }

    @Test
    void textFileGivesAOneLineMessage() throws Exception {
        Path file = dir.resolve("library.mv.db");
        Files.writeString(file, "not a database\n");
        assertThatThrownBy(() -> LibraryDatabase.open(file))
                .isInstanceOf(LibraryException.class)
                .hasMessageStartingWith("Cannot open the library " + file + ": ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void fileLockedByAnotherProgramGivesAOneLineMessage() throws Exception {
        Path file = dir.resolve("library.mv.db");
        LibraryDatabase.open(file).close();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            assertThat(lock.isValid()).isTrue();
            assertThatThrownBy(() -> LibraryDatabase.open(file))
                    .isInstanceOf(LibraryException.class)
                    .hasMessageStartingWith("Cannot open the library " + file + ": ")
                    .hasMessageNotContaining("\n");
        }
        try (LibraryDatabase library = LibraryDatabase.open(file)) {
            assertThat(library.images().count()).isZero();
        }
    }

    @Test
    void twoInstancesOnOneFileShareIt() {
        Path file = dir.resolve("library.mv.db");
        try (LibraryDatabase first = LibraryDatabase.open(file); LibraryDatabase second = LibraryDatabase.open(file)) {
            ImageRecord a = first.images().insert(TestRecords.image("a", "cat", "sofa"));
            ImageRecord b = second.images().insert(TestRecords.image("b", "cat", "sofa"));
            assertThat(second.images().findById(a.id())).contains(a);
            assertThat(first.images().findById(b.id())).contains(b);
            assertThat(first.info().libraryVersion()).isEqualTo(2);
        }
    }

    @Test
    void printsNothingOnStdout() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (LibraryDatabase library = LibraryDatabase.open(dir.resolve("quiet.mv.db"))) {
            ImageRecord r = library.images().insert(TestRecords.image("q", "dog", "park"));
            library.images().list(0, 10);
            library.images().delete(r.id());
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void schemaThatDoesNotMatchTheEntitiesIsRefused() throws Exception {
        Path file = dir.resolve("library.mv.db");
        LibraryDatabase.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("library"), "sa", "")) {
            c.createStatement().execute("ALTER TABLE image DROP COLUMN model_id");
        }
        assertThatThrownBy(() -> LibraryDatabase.open(file))
                .isInstanceOf(LibraryException.class)
                .hasMessageStartingWith("Cannot open the library " + file + ": its schema does not match")
                .hasMessageContaining("model_id")
                .hasMessageNotContaining("\n");
    }

    @Test
    void rejectsDatabasesOtherThanH2AndPostgres() {
        assertThatThrownBy(() -> LibraryDatabase.connect("jdbc:mysql://localhost/lib", "u", "p"))
                .isInstanceOf(LibraryException.class)
                .hasMessageContaining("only H2 (jdbc:h2:…) and PostgreSQL");
    }

    @Test
    void saysWhenThePostgresServerIsNotThere() {
        assertThatThrownBy(() -> LibraryDatabase.connect("jdbc:postgresql://127.0.0.1:1/lib?password=secret", "u", "p"))
                .isInstanceOf(LibraryException.class)
                .hasMessageContaining("could not be reached")
                .hasMessageNotContaining("secret")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aThreadInterruptedInTheMiddleOfItsWorkDoesNotCloseTheLibrary() throws Exception {
        try (LibraryDatabase library = LibraryDatabase.open(dir.resolve("interrupted.mv.db"))) {
            library.info().claimModel(TestRecords.MODEL);
            java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
            // H2's "retry:" file system clears an interrupt that hit its file I/O when it reopens the file, so the
            // writer may never see one: it also stops when told, after the interrupts
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 100_000 && !stop.get() && !Thread.currentThread().isInterrupted(); i++) {
                    try {
                        library.images().insert(TestRecords.image("interrupted-" + i, "cat", "sofa"));
                        written.incrementAndGet();
                    } catch (RuntimeException e) {
                        return; // the interrupted insert may fail; the library must not
                    }
                }
            });
            writer.start();
            while (written.get() < 200) {
                Thread.sleep(5);
            }
            for (int i = 0; i < 20 && writer.isAlive(); i++) {
                writer.interrupt(); // as a cancelled background task is, in the middle of file I/O
                Thread.sleep(10);
            }
            stop.set(true);
            writer.join(30_000);
            assertThat(writer.isAlive()).isFalse();
            long count = library.images().count();
            assertThat(count).isGreaterThanOrEqualTo(200);
            library.images().insert(TestRecords.image("after", "dog", "beach"));
            assertThat(library.images().count()).isEqualTo(count + 1);
        }
    }

    @Test
    void aLibraryOfSchemaVersion4GetsALocationForEachIndexedImageWithItsTime() throws Exception {
        Path base = dir.resolve("v4");
        String url = "jdbc:h2:file:" + base;
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .target("4").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().executeUpdate("INSERT INTO image (sha256, location, file_name, byte_size, storage, file_modified_ns)"
                    + " VALUES ('" + TestRecords.sha("v4") + "', '/photos/v4.jpg', 'v4.jpg', 1234, 'INDEXED', 77)");
            c.createStatement().executeUpdate("INSERT INTO image (sha256, location, byte_size, storage)"
                    + " VALUES ('" + TestRecords.sha("up") + "', 'managed/up.jpg', 99, 'MANAGED')");
        }
        try (LibraryDatabase library = LibraryDatabase.open(dir.resolve("v4.mv.db"))) {
            long indexed = library.images().findBySha256(TestRecords.sha("v4")).orElseThrow().id();
            long managed = library.images().findBySha256(TestRecords.sha("up")).orElseThrow().id();
            assertThat(library.locations().locationsOf(indexed)).containsExactly("/photos/v4.jpg");
            assertThat(library.locations().locationsOf(managed)).isEmpty();
            assertThat(library.locations().unchangedFiles(java.util.List.of(new FileStamp("/photos/v4.jpg", 1234, 77L))))
                    .containsOnlyKeys("/photos/v4.jpg");
        }
    }
}
