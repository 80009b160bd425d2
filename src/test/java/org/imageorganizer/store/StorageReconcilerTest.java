package org.imageorganizer.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.StorageReconciler.Outcome;
import org.imageorganizer.store.StorageReconciler.Pass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The storage check after a crash: what it moves into .orphans/, what it leaves, and when it refuses. */
@Tag("database")
class StorageReconcilerTest {
    private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");
    private static final Duration MARGIN = Duration.ofMinutes(1);
    private static final Instant LONG_BEFORE = START.minus(Duration.ofHours(3));

    @TempDir
    Path dir;
    private Path storage;
    private ManagedFolder folder;
    private LibraryDatabase library;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(StorageReconciler.class);
    private int seed;

    @BeforeAll
    static void quiet() {
        QuietLogging.apply();
    }

    /** Where the library lives; the PostgreSQL subclass overrides it. */
    TestDatabase database(Path folder) {
        return TestDatabase.h2(folder);
    }

    @BeforeEach
    void open() {
        library = database(dir).open();
        storage = dir.resolve("storage");
        folder = new ManagedFolder(storage);
        logger.setLevel(Level.INFO);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void close() {
        logger.detachAppender(log);
        logger.setLevel(null);
        library.close();
    }

    /** One pass as the server runs it, the pass starting at {@code now}. */
    private Pass passAt(Instant now) {
        return new StorageReconciler(folder, library.locations(), library.info(), Clock.fixed(now, ZoneOffset.UTC), MARGIN)
                .reconcile(START);
    }

    /** The first pass, a few seconds after the start. */
    private Pass firstPass() {
        return passAt(START.plusSeconds(3));
    }

    private String file(Instant modified) throws IOException {
        String key = String.format("%032x.jpg", ++seed);
        Files.createDirectories(storage);
        Files.setLastModifiedTime(Files.write(storage.resolve(key), new byte[] {(byte) seed}), FileTime.from(modified));
        return key;
    }

    private void row(String location, StorageKind kind) {
        library.images().insert(new NewImage(TestRecords.sha(location), location, "photo.jpg", 1, 1, 1, "jpeg", kind,
                new Classification(new Label("cat", 0.9), new Label("indoor", 0.8)), TestRecords.vector(1), TestRecords.MODEL));
    }

    private String referenced() throws IOException {
        String key = file(LONG_BEFORE);
        row(key, StorageKind.MANAGED);
        return key;
    }

    private void markAs(String libraryId) throws IOException {
        folder.writeMarker(libraryId);
    }

    private List<String> lines(Level level) {
        synchronized (log) {
            return log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Test
    void anOrphanOlderThanTheStartIsMovedIntoOrphansAndLogged() throws IOException {
        markAs(library.info().libraryId());
        String kept = referenced();
        String orphan = file(LONG_BEFORE);

        Pass pass = firstPass();

        assertThat(pass.outcome()).isEqualTo(Outcome.CHECKED);
        assertThat(pass.moved()).containsExactly(orphan);
        assertThat(storage.resolve(orphan)).doesNotExist();
        assertThat(storage.resolve(".orphans").resolve(orphan)).exists();
        assertThat(storage.resolve(kept)).exists();
        assertThat(lines(Level.INFO)).anySatisfy(line -> assertThat(line).contains(orphan, ".orphans/"));
    }

    @Test
    void aFileAnyRowPointsAtStaysWhateverItsStorageKind() throws IOException {
        markAs(library.info().libraryId());
        String managed = referenced();
        String syncedToTheCloud = referenced(); // a managed upload with a cloud copy keeps its MANAGED row
        library.remoteCopies().markUploaded(library.images().findBySha256(TestRecords.sha(syncedToTheCloud)).orElseThrow().id(),
                new org.imageorganizer.model.RemoteCopy("image-organizer/x", 1, "jpg", "authenticated"));
        String indexedInPlace = file(LONG_BEFORE);
        row(storage.toAbsolutePath().resolve(indexedInPlace).toString(), StorageKind.INDEXED);
        row("image/authenticated/v1/image-organizer/" + TestRecords.sha("cloud") + ".jpg", StorageKind.CLOUDINARY);

        Pass pass = firstPass();

        assertThat(pass.outcome()).isEqualTo(Outcome.CHECKED);
        assertThat(pass.files()).isEqualTo(3);
        assertThat(pass.moved()).isEmpty();
        assertThat(storage.resolve(managed)).exists();
        assertThat(storage.resolve(syncedToTheCloud)).exists();
        assertThat(storage.resolve(indexedInPlace)).exists();
        assertThat(storage.resolve(".orphans")).doesNotExist();
    }

    @Test
    void aFileWrittenSinceTheStartStays() throws IOException {
        markAs(library.info().libraryId());
        referenced();
        String uploadInFlight = file(START.plusSeconds(1)); // its row is not committed yet

        Pass pass = passAt(START.plus(Duration.ofHours(1)));

        assertThat(pass.moved()).isEmpty();
        assertThat(pass.waiting()).isZero();
        assertThat(storage.resolve(uploadInFlight)).exists();
    }

    @Test
    void aFileWrittenJustBeforeTheStartWaitsUntilItIsOlderThanTheMargin() throws IOException {
        markAs(library.info().libraryId());
        referenced();
        String fromTheCrash = file(START.minusSeconds(10)); // another process's upload may still be committing it

        Pass first = firstPass();
        assertThat(first.moved()).isEmpty();
        assertThat(first.waiting()).isEqualTo(1);
        assertThat(storage.resolve(fromTheCrash)).exists();

        Pass second = passAt(START.plus(MARGIN));
        assertThat(second.moved()).containsExactly(fromTheCrash);
        assertThat(second.waiting()).isZero();
    }

    @Test
    void aMarkerNamingAnotherLibraryStopsTheCheckWithAWarning() throws IOException {
        markAs("another-library");
        referenced();
        String orphan = file(LONG_BEFORE);

        Pass pass = firstPass();

        assertThat(pass.outcome()).isEqualTo(Outcome.FOREIGN_MARKER);
        assertThat(storage.resolve(orphan)).exists();
        assertThat(storage.resolve(".orphans")).doesNotExist();
        assertThat(lines(Level.WARN)).singleElement().asString().contains("another-library", storage.toString(), "nothing moved");
        assertThat(folder.readMarker()).contains("another-library");
    }

    @Test
    void whenMostFilesLookOrphanedNothingIsMovedAndAWarningSaysSo() throws IOException {
        markAs(library.info().libraryId());
        for (int i = 0; i < 4; i++) {
            referenced();
        }
        for (int i = 0; i < 6; i++) {
            file(LONG_BEFORE);
        }

        Pass pass = firstPass();

        assertThat(pass.outcome()).isEqualTo(Outcome.MOSTLY_ORPHANED);
        assertThat(pass.moved()).isEmpty();
        assertThat(storage.resolve(".orphans")).doesNotExist();
        assertThat(lines(Level.WARN)).singleElement().asString().contains("6 of the 10 files", "nothing moved");
    }

    @Test
    void anUnmarkedFolderWithoutOneReferencedFileIsNeitherCheckedNorMarked() throws IOException {
        String stranger = file(LONG_BEFORE); // a mistyped database URL opens a new, empty library
        referencedOnlyElsewhere();

        Pass pass = firstPass();

        assertThat(pass.outcome()).isEqualTo(Outcome.UNCLAIMED);
        assertThat(storage.resolve(stranger)).exists();
        assertThat(folder.readMarker()).isEmpty();
        assertThat(lines(Level.WARN)).singleElement().asString().contains("nothing moved", ".library-id");
    }

    private void referencedOnlyElsewhere() {
        row("/photos/elsewhere.jpg", StorageKind.INDEXED);
    }

    @Test
    void aFreshStorageFolderIsCreatedAndMarkedWithTheLibrarysId() throws IOException {
        assertThat(storage).doesNotExist();

        Pass pass = firstPass();

        assertThat(pass.outcome()).isEqualTo(Outcome.CHECKED);
        assertThat(folder.readMarker()).contains(library.info().libraryId());
        try (LibraryDatabase other = TestDatabase.h2(dir.resolve("other")).open()) {
            Pass foreign = new StorageReconciler(folder, other.locations(), other.info()).reconcile(START);
            assertThat(foreign.outcome()).as("another library now sees the folder as taken").isEqualTo(Outcome.FOREIGN_MARKER);
        }
    }

    @Test
    void anUnmarkedFolderConsistentWithTheLibraryIsMarkedAndChecked() throws IOException {
        referenced();
        String orphan = file(LONG_BEFORE);

        Pass pass = firstPass();

        assertThat(pass.moved()).containsExactly(orphan);
        assertThat(folder.readMarker()).contains(library.info().libraryId());
    }

    @Test
    void onlyTopLevelRegularFilesNamedLikeKeysAreConsidered() throws IOException {
        markAs(library.info().libraryId());
        referenced();
        Path spool = Files.createDirectories(storage.resolve(".spool"));
        Path spooled = Files.write(spool.resolve(String.format("%032x.jpg", 999)), new byte[] {1});
        Path part = Files.write(storage.resolve(".upload-123.part"), new byte[] {1});
        Path other = Files.write(storage.resolve("notes.txt"), new byte[] {1});
        Path outside = Files.write(dir.resolve("outside.jpg"), new byte[] {1});
        Path link = Files.createSymbolicLink(storage.resolve(String.format("%032x.jpg", 998)), outside);
        Path keyNamedFolder = Files.createDirectories(storage.resolve(String.format("%032x", 997)));
        for (Path p : List.of(spooled, part, other, outside, keyNamedFolder)) {
            Files.setLastModifiedTime(p, FileTime.from(LONG_BEFORE));
        }

        Pass pass = firstPass();

        assertThat(pass.files()).isEqualTo(1);
        assertThat(pass.moved()).isEmpty();
        assertThat(List.of(spooled, part, other, outside, keyNamedFolder)).allSatisfy(p -> assertThat(p).exists());
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }
}
