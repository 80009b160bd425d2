package org.imageorganizer.trash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The freedesktop.org trash on a temporary home: info files, names, escaping, other devices, failures. */
class FreedesktopTrashTest {
    private static final int UID = 1234;
    /** 2024-03-05 14:07:09 in Paris is 13:07:09 UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-05T13:07:09.750Z"), ZoneId.of("Europe/Paris"));

    @TempDir
    Path dir;

    private Path home() {
        return dir.resolve("home/.local/share/Trash");
    }

    private FreedesktopTrash trash() {
        return new FreedesktopTrash(home(), UID, CLOCK, Volumes.UNIX);
    }

    private Path photo(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void aFileGoesToFilesAndItsInfoSaysWhereItWasAndWhen() throws IOException {
        Path file = photo("photos/beach.jpg", "pixels");

        trash().moveToTrash(file);

        assertThat(file).doesNotExist();
        assertThat(home().resolve("files/beach.jpg")).hasContent("pixels");
        assertThat(read(home().resolve("info/beach.jpg.trashinfo"))).isEqualTo(
                "[Trash Info]\nPath=" + file.toAbsolutePath() + "\nDeletionDate=2024-03-05T14:07:09\n");
        try (Stream<Path> info = Files.list(home().resolve("info"))) {
            assertThat(info).as("no temporary file is left behind").hasSize(1);
        }
    }

    @Test
    void aNameAlreadyInTheTrashGetsANumberAndNothingIsOverwritten() throws IOException {
        Path first = photo("a/beach.jpg", "first");
        Path second = photo("b/beach.jpg", "second");
        Path third = photo("c/beach.jpg", "third");
        Files.createDirectories(home().resolve("files"));
        Files.createDirectories(home().resolve("info"));
        Files.writeString(home().resolve("info/beach.2.jpg.trashinfo"), "someone else's"); // taken by another program

        trash().moveToTrash(first);
        trash().moveToTrash(second);
        trash().moveToTrash(third);

        assertThat(home().resolve("files/beach.jpg")).hasContent("first");
        assertThat(home().resolve("files/beach.2.jpg")).doesNotExist();
        assertThat(home().resolve("info/beach.2.jpg.trashinfo")).hasContent("someone else's");
        assertThat(home().resolve("files/beach.3.jpg")).hasContent("second");
        assertThat(read(home().resolve("info/beach.3.jpg.trashinfo"))).contains("Path=" + second.toAbsolutePath() + "\n");
        assertThat(home().resolve("files/beach.4.jpg")).hasContent("third");
    }

    @Test
    void aFileWithoutInfoInFilesIsNotOverwrittenEither() throws IOException {
        Path file = photo("a/notes", "mine");
        Files.createDirectories(home().resolve("files"));
        Files.writeString(home().resolve("files/notes"), "left over");

        trash().moveToTrash(file);

        assertThat(home().resolve("files/notes")).hasContent("left over");
        assertThat(home().resolve("files/notes.2")).hasContent("mine");
    }

    @Test
    void spacesAndUnicodeAreEscapedAsInUrls() throws IOException {
        Path file = photo("Été 2024/plage à Nice #1 (100%).jpg", "pixels");

        trash().moveToTrash(file);

        String info = read(home().resolve("info/plage à Nice #1 (100%).jpg.trashinfo"));
        String folder = file.getParent().getParent().toAbsolutePath().toString();
        assertThat(info).contains("Path=" + folder + "/%C3%89t%C3%A9%202024/plage%20%C3%A0%20Nice%20%231%20%28100%25%29.jpg\n");
        assertThat(home().resolve("files/plage à Nice #1 (100%).jpg")).exists();
    }

    @Test
    void escapingKeepsSlashesAndPlainCharacters() {
        assertThat(TrashInfo.escape("/home/ann/My Photos/a_b-c.d~e.jpg")).isEqualTo("/home/ann/My%20Photos/a_b-c.d~e.jpg");
        assertThat(TrashInfo.escape("x\ny=z")).isEqualTo("x%0Ay%3Dz");
    }

    @Test
    void aFileThatVanishedIsSaidSoAndLeavesNoInfo() throws IOException {
        Path gone = dir.resolve("photos/gone.jpg");

        assertThatThrownBy(() -> trash().moveToTrash(gone)).isInstanceOf(NoSuchFileException.class);

        assertThat(infoFiles(home())).isEmpty();
    }

    @Test
    void aFileThatVanishesJustBeforeTheMoveLeavesNoInfo() throws IOException {
        Path file = photo("photos/racing.jpg", "pixels");
        FreedesktopTrash racing = new FreedesktopTrash(home(), UID, CLOCK, Volumes.UNIX, (source, target) -> {
            Files.delete(source); // another program deleted it meanwhile
            throw new NoSuchFileException(source.toString());
        });

        assertThatThrownBy(() -> racing.moveToTrash(file)).isInstanceOf(NoSuchFileException.class);

        assertThat(infoFiles(home())).isEmpty();
    }

    @Test
    void aFailedMoveLeavesTheFileWhereItWasAndTakesItsInfoBack() throws IOException {
        Path file = photo("photos/keep.jpg", "pixels");
        FreedesktopTrash failing = new FreedesktopTrash(home(), UID, CLOCK, Volumes.UNIX, (source, target) -> {
            throw new AtomicMoveNotSupportedException(source.toString(), target.toString(), "cross-device link");
        });

        assertThatThrownBy(() -> failing.moveToTrash(file)).isInstanceOf(TrashException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("another drive")
                .hasMessageEndingWith("it is where it was.");

        assertThat(file).hasContent("pixels");
        assertThat(infoFiles(home())).isEmpty();
        assertThat(home().resolve("files/keep.jpg")).doesNotExist();
    }

    @Test
    void aFolderIsRefused() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("photos/album"));

        assertThatThrownBy(() -> trash().moveToTrash(folder)).isInstanceOf(TrashException.class)
                .hasMessageContaining("is a folder");
        assertThat(folder).isDirectory();
    }

    @Test
    void xdgDataHomeIsUsedWhenAbsolute() {
        Path userHome = dir.resolve("home");
        assertThat(FreedesktopTrash.homeTrash(Map.of("XDG_DATA_HOME", dir.resolve("data").toString()), userHome))
                .isEqualTo(dir.resolve("data/Trash"));
        assertThat(FreedesktopTrash.homeTrash(Map.of("XDG_DATA_HOME", "relative/data"), userHome))
                .isEqualTo(userHome.resolve(".local/share/Trash"));
        assertThat(FreedesktopTrash.homeTrash(Map.of(), userHome)).isEqualTo(userHome.resolve(".local/share/Trash"));
    }

    @Test
    void aFileOnAnotherDeviceGoesToThatDevicesOwnTrashWithARelativePath() throws IOException {
        Path usb = Files.createDirectories(dir.resolve("media/usb"));
        Path file = photo("media/usb/DCIM/one two.jpg", "pixels");
        FreedesktopTrash trash = new FreedesktopTrash(home(), UID, CLOCK, new TwoDevices(usb, Set.of()));

        trash.moveToTrash(file);

        Path own = usb.resolve(".Trash-" + UID);
        assertThat(own.resolve("files/one two.jpg")).hasContent("pixels");
        assertThat(read(own.resolve("info/one two.jpg.trashinfo"))).contains("Path=DCIM/one%20two.jpg\n");
        assertThat(Files.getPosixFilePermissions(own)).hasSize(3); // rwx for the user only
        assertThat(home().resolve("files/one two.jpg")).doesNotExist();
    }

    @Test
    void aSharedTrashWithTheStickyBitIsUsedThroughTheUsersFolder() throws IOException {
        Path usb = Files.createDirectories(dir.resolve("media/usb"));
        Path shared = Files.createDirectories(usb.resolve(".Trash"));
        Path file = photo("media/usb/a.jpg", "pixels");

        new FreedesktopTrash(home(), UID, CLOCK, new TwoDevices(usb, Set.of(shared))).moveToTrash(file);

        assertThat(shared.resolve(UID + "/files/a.jpg")).hasContent("pixels");
        assertThat(usb.resolve(".Trash-" + UID)).doesNotExist();
    }

    @Test
    void aSharedTrashWithoutTheStickyBitIsNotUsed() throws IOException {
        Path usb = Files.createDirectories(dir.resolve("media/usb"));
        Path shared = Files.createDirectories(usb.resolve(".Trash"));
        Path file = photo("media/usb/a.jpg", "pixels");

        new FreedesktopTrash(home(), UID, CLOCK, new TwoDevices(usb, Set.of())).moveToTrash(file);

        assertThat(shared.resolve(Integer.toString(UID))).doesNotExist();
        assertThat(usb.resolve(".Trash-" + UID + "/files/a.jpg")).hasContent("pixels");
    }

    @Test
    void aDeviceWhereNoTrashCanBeMadeIsRefusedAndTheFileStays() throws IOException {
        Path usb = Files.createDirectories(dir.resolve("media/usb"));
        Path file = photo("media/usb/a.jpg", "pixels");
        Files.writeString(usb.resolve(".Trash-" + UID), "a file in the way"); // not a folder: cannot be used

        assertThatThrownBy(() -> new FreedesktopTrash(home(), UID, CLOCK, new TwoDevices(usb, Set.of())).moveToTrash(file))
                .isInstanceOf(TrashException.class).hasMessageContaining("another drive (" + usb + ")")
                .hasMessageContaining("left where it is");

        assertThat(file).hasContent("pixels");
        assertThat(home().resolve("files/a.jpg")).doesNotExist();
    }

    @Test
    void numberedNamesKeepTheExtension() {
        assertThat(FreedesktopTrash.numbered("photo.jpg", 2)).isEqualTo("photo.2.jpg");
        assertThat(FreedesktopTrash.numbered("archive.tar.gz", 3)).isEqualTo("archive.tar.3.gz");
        assertThat(FreedesktopTrash.numbered(".hidden", 2)).isEqualTo(".hidden.2");
        assertThat(FreedesktopTrash.numbered("notes", 2)).isEqualTo("notes.2");
    }

    private static List<Path> infoFiles(Path trash) throws IOException {
        Path info = trash.resolve("info");
        if (!Files.isDirectory(info)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(info)) {
            return files.toList();
        }
    }

    /** Everything under {@code mount} is another device than the rest; the folders in {@code sticky} have the sticky bit. */
    private record TwoDevices(Path mount, Set<Path> sticky) implements Volumes {
        TwoDevices {
            sticky = new HashSet<>(sticky);
        }

        @Override
        public Object deviceOf(Path path) {
            return path.toAbsolutePath().startsWith(mount) ? "usb" : "disk";
        }

        @Override
        public boolean isSticky(Path folder) {
            return sticky.contains(folder);
        }
    }
}
