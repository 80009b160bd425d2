package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ImageRecord;
import org.imageorganizer.model.SubCluster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-only commands' JDBC reader: what it reads is what the repositories read; when it steps aside. */
@Tag("database")
class LibraryReaderTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        QuietLogging.apply();
    }

    @Test
    void readsWhatTheRepositoriesReadFromAnH2File() {
        Path file = dir.resolve("library.mv.db");
        try (LibraryDatabase library = LibraryDatabase.open(file)) {
            fill(library);
        }
        try (LibraryDatabase library = LibraryDatabase.open(file); LibraryReader reader = LibraryReader.open(file).orElseThrow()) {
            assertReadsTheSame(library, reader);
        }
    }

    @Test
    void readsWhatTheRepositoriesReadFromPostgres() {
        String url = TestDatabase.newPostgresUrl();
        try (LibraryDatabase library = LibraryDatabase.connect(url, TestDatabase.Postgres.USER, "")) {
            fill(library);
            try (LibraryReader reader = LibraryReader.connect(url, TestDatabase.Postgres.USER, "").orElseThrow()) {
                assertReadsTheSame(library, reader);
            }
        }
    }

    @Test
    void anEmptyLibraryReadsAsEmpty() {
        Path file = dir.resolve("empty.mv.db");
        LibraryDatabase.open(file).close();
        assertThat(LibraryDatabase.exists(dir.resolve("empty"))).isTrue();
        try (LibraryReader reader = LibraryReader.open(dir.resolve("empty")).orElseThrow()) {
            assertThat(reader.libraryVersion()).isZero();
            assertThat(reader.groupMembership()).isEmpty();
            assertThat(reader.clusterings()).isEmpty();
            assertThat(reader.listAfter(Long.MIN_VALUE, 10)).isEmpty();
            assertThat(reader.count(null, null)).isZero();
            assertThat(reader.modelId()).isEmpty();
        }
    }

    @Test
    void aLibraryThatDoesNotExistIsLeftToTheFullPathAndNotCreated() {
        assertThat(LibraryDatabase.exists(dir.resolve("never/library.mv.db"))).isFalse();
        assertThat(LibraryReader.open(dir.resolve("never/library.mv.db"))).isEmpty();
        assertThat(LibraryReader.open(dir.resolve("semi;colon"))).isEmpty();
        assertThat(dir.resolve("never")).doesNotExist();
        assertThat(LibraryReader.connect("jdbc:mysql://localhost/lib", "u", "p")).isEmpty();
    }

    @Test
    void aLibraryWithAnOlderSchemaOrNoneIsLeftToTheFullPath() throws Exception {
        Path base = dir.resolve("old");
        Flyway.configure().dataSource("jdbc:h2:file:" + base, "sa", "").locations("classpath:db/migration")
                .target("1").load().migrate();
        assertThat(LibraryReader.open(dir.resolve("old.mv.db"))).isEmpty();
        try (LibraryDatabase migrated = LibraryDatabase.open(dir.resolve("old.mv.db"))) {
            assertThat(migrated.images().count()).isZero();
        }
        assertThat(LibraryReader.open(dir.resolve("old.mv.db"))).isPresent().get().satisfies(LibraryReader::close);

        Path bare = dir.resolve("bare");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + bare, "sa", "")) {
            c.createStatement().execute("CREATE TABLE unrelated (id INT)");
        }
        assertThat(LibraryReader.open(dir.resolve("bare.mv.db"))).isEmpty();
    }

    @Test
    void aNewLibraryIsNotLoggedAsADatabaseError() throws Exception {
        Path fresh = dir.resolve("fresh");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + fresh, "sa", "")) {
            c.createStatement().execute("CREATE TABLE unrelated (id INT)");
        }
        ch.qos.logback.classic.Logger h2 = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("h2database");
        ch.qos.logback.classic.Level before = h2.getLevel();
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events =
                new ch.qos.logback.core.read.ListAppender<>();
        events.start();
        h2.addAppender(events);
        h2.setLevel(ch.qos.logback.classic.Level.ALL);
        try {
            // the file's URL as the library opens it: H2 logs a failed statement on it at ERROR
            assertThat(LibraryReader.open(dir.resolve("fresh.mv.db"))).isEmpty();
        } finally {
            h2.detachAppender(events);
            h2.setLevel(before);
        }
        assertThat(events.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN));
    }

    @Test
    void aFailedOrNewerMigrationIsLeftToTheFullPath() throws Exception {
        Path file = dir.resolve("library.mv.db");
        LibraryDatabase.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("library"), "sa", "")) {
            c.createStatement().executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                    + " \"description\", \"type\", \"script\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (99, '" + (LibraryReader.SCHEMA_VERSION + 1) + "', 'later', 'SQL', 'V9__later.sql', 'SA', 0, TRUE)");
        }
        assertThat(LibraryReader.open(file)).isEmpty();
    }

    @Test
    void theSchemaVersionIsTheHighestMigration() throws IOException, URISyntaxException {
        Pattern versioned = Pattern.compile("V(\\d+)__.*\\.(sql|class)");
        int highest = 0;
        for (String location : LibraryDatabase.MIGRATIONS) {
            String folder = location.substring("classpath:".length());
            Path migrations = Path.of(Objects.requireNonNull(getClass().getClassLoader().getResource(folder)).toURI());
            try (Stream<Path> files = Files.list(migrations)) {
                for (Path f : files.toList()) {
                    Matcher m = versioned.matcher(f.getFileName().toString());
                    if (m.matches()) {
                        highest = Math.max(highest, Integer.parseInt(m.group(1)));
                    }
                }
            }
        }
        assertThat(highest).isGreaterThanOrEqualTo(5);
        assertThat(LibraryReader.SCHEMA_VERSION).isEqualTo(highest);
    }

    @Test
    void garbageFileGivesTheSameOneLineMessageAsTheFullPath() throws Exception {
        Path file = dir.resolve("library.mv.db");
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(file, garbage);
        assertThatThrownBy(() -> LibraryReader.open(file))
                .isInstanceOf(LibraryException.class)
                .hasMessage("Cannot open the library " + file + ": the file is damaged or is not a library database.");
    }

    @Test
    void fileLockedByAnotherProgramGivesAOneLineMessage() throws Exception {
        Path file = dir.resolve("library.mv.db");
        LibraryDatabase.open(file).close();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            assertThat(lock.isValid()).isTrue();
            assertThatThrownBy(() -> LibraryReader.open(file))
                    .isInstanceOf(LibraryException.class)
                    .hasMessageStartingWith("Cannot open the library " + file + ": ")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void sharesTheFileWithALibraryOpenInThisProcess() {
        Path file = dir.resolve("library.mv.db");
        try (LibraryDatabase library = LibraryDatabase.open(file); LibraryReader reader = LibraryReader.open(file).orElseThrow()) {
            library.info().claimModel(TestRecords.MODEL);
            ImageRecord added = library.images().insert(TestRecords.image("shared", "cat", "sofa"));
            assertThat(reader.findById(added.id())).contains(added);
            assertThat(reader.libraryVersion()).isEqualTo(1);
        }
    }

    /** Two groups, one clustered (with noise), one not; an image without labels' confidence. */
    private static void fill(LibraryDatabase library) {
        library.info().claimModel(TestRecords.MODEL);
        List<NewImage> images = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            images.add(TestRecords.image("dog-" + i, "dog", "beach"));
        }
        for (int i = 0; i < 3; i++) {
            images.add(TestRecords.image("cat-" + i, "cat", "indoor"));
        }
        List<Long> ids = library.images().insertAll(images);
        for (int i = 0; i < 4; i++) {
            library.locations().recordFileModified(ids.get(i), images.get(i).location(), 1_000L + i);
        }
        List<Long> dogs = ids.subList(0, 7);
        library.clusters().save(new GroupKey("dog", "beach"), "signature", "algorithm", 1,
                List.of(new SubCluster(0, false, dogs.subList(0, 3)), new SubCluster(1, false, dogs.subList(3, 6)),
                        new SubCluster(SubCluster.NOISE_ID, true, dogs.subList(6, 7))));
    }

    private static void assertReadsTheSame(LibraryDatabase library, LibraryReader reader) {
        ImageRepository images = library.images();
        assertThat(reader.libraryVersion()).isEqualTo(library.info().libraryVersion());
        assertThat(reader.groupMembership()).isEqualTo(images.groupMembership());
        assertThat(List.copyOf(reader.groupMembership().keySet())).isEqualTo(List.copyOf(images.groupMembership().keySet()));
        assertThat(reader.clusterings()).isEqualTo(library.clusters().loadAll());
        assertThat(reader.listAfter(Long.MIN_VALUE, 100)).isEqualTo(images.list(0, 100)).hasSize(10);
        long third = images.list(0, 100).get(2).id();
        assertThat(reader.listAfter(third, 4)).isEqualTo(images.list(3, 4));
        assertThat(reader.listNewest(null, null, 2, 5)).isEqualTo(images.listNewest(null, null, 2, 5));
        assertThat(reader.listNewest("dog", null, 0, 50)).isEqualTo(images.listNewest("dog", null, 0, 50));
        assertThat(reader.listNewest(null, "indoor", 1, 50)).isEqualTo(images.listNewest(null, "indoor", 1, 50));
        assertThat(reader.listNewest("dog", "indoor", 0, 50)).isEmpty();
        assertThat(reader.count(null, null)).isEqualTo(images.count()).isEqualTo(10);
        assertThat(reader.count("cat", "indoor")).isEqualTo(images.count("cat", "indoor")).isEqualTo(3);
        assertThat(reader.count(null, "beach")).isEqualTo(7);
        assertThat(reader.findById(third)).isEqualTo(images.findById(third)).isPresent();
        assertThat(reader.findById(-5)).isEmpty();
        List<Long> some = List.of(third, third + 1, -5L, third);
        assertThat(reader.listByIds(some)).isEqualTo(images.listByIds(some)).hasSize(2);
        List<FileStamp> stamps = new ArrayList<>();
        for (ImageRecord r : images.list(0, 100)) {
            stamps.add(new FileStamp(r.location(), r.byteSize(), 1_000L + stamps.size() % 3));
        }
        assertThat(reader.unchangedFiles(stamps)).isEqualTo(library.locations().unchangedFiles(stamps)).hasSize(3);
        assertThat(reader.unchangedFiles(List.of())).isEmpty();
        assertThat(reader.modelId()).isEqualTo(library.info().modelId()).contains(TestRecords.MODEL);
        ImageRecord fifth = images.list(0, 100).get(4);
        assertThat(reader.findBySha256(fifth.sha256())).isEqualTo(images.findBySha256(fifth.sha256())).contains(fifth);
        assertThat(reader.findBySha256(TestRecords.sha("absent"))).isEmpty();
    }
}
