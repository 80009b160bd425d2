package org.imageorganizer.trash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The freedesktop.org Trash specification (1.0), which GNOME, KDE, Xfce and the others share on Linux:
 * a file on the home trash's device goes to {@code $XDG_DATA_HOME/Trash} (else
 * {@code ~/.local/share/Trash}); a file on another device goes to that device's
 * {@code $topdir/.Trash/$uid} when {@code $topdir/.Trash} is a real folder with the sticky bit, else to
 * {@code $topdir/.Trash-$uid}, made when needed. The {@code info/NAME.trashinfo} file is written first,
 * whole and under a name nobody else holds (a hard link of a finished temporary file, which fails if
 * the name is taken), then the file is renamed into {@code files/NAME}: one atomic rename on one
 * device, never a copy. When a trash cannot be had on the file's device, or the rename fails, the file
 * stays where it was, its info file is taken back, and {@link TrashException} says why.
 */
public final class FreedesktopTrash implements Trash {
    /** How many numbered names ("photo.2.jpg"…) are tried before giving up. */
    private static final int MAX_NAMES = 10_000;

    private final Path homeTrash;
    private final int uid;
    private final Clock clock;
    private final Volumes volumes;
    private final Mover mover;

    /** Renames a file into the trash; one atomic rename (tests make it fail). */
    @FunctionalInterface
    interface Mover {
        void move(Path source, Path target) throws IOException;
    }

    /**
     * @param homeTrash the home trash, {@code $XDG_DATA_HOME/Trash}
     * @param uid       the user's numeric id, which names the trash folders on other devices
     */
    public FreedesktopTrash(Path homeTrash, int uid, Clock clock, Volumes volumes) {
        this(homeTrash, uid, clock, volumes, (source, target) -> Files.move(source, target, StandardCopyOption.ATOMIC_MOVE));
    }

    FreedesktopTrash(Path homeTrash, int uid, Clock clock, Volumes volumes, Mover mover) {
        this.homeTrash = homeTrash.toAbsolutePath();
        this.uid = uid;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.volumes = Objects.requireNonNull(volumes, "volumes");
        this.mover = Objects.requireNonNull(mover, "mover");
    }

    /**
     * The home trash of the user running this program: {@code $XDG_DATA_HOME/Trash} when that is an
     * absolute path, else {@code ~/.local/share/Trash}.
     */
    public static Path homeTrash(Map<String, String> environment, Path userHome) {
        String dataHome = environment.get("XDG_DATA_HOME");
        Path base = dataHome != null && !dataHome.isBlank() && Path.of(dataHome).isAbsolute() ? Path.of(dataHome)
                : userHome.resolve(".local/share");
        return base.resolve("Trash");
    }

    /** The trash of the user running this program, with the real file systems and clock. */
    public static FreedesktopTrash forCurrentUser(Map<String, String> environment, Path userHome) throws IOException {
        int uid = (Integer) Files.getAttribute(userHome, "unix:uid");
        return new FreedesktopTrash(homeTrash(environment, userHome), uid, Clock.systemDefaultZone(), Volumes.UNIX);
    }

    @Override
    public void moveToTrash(Path file) throws IOException {
        Path source = file.toAbsolutePath().normalize();
        try {
            trash(source);
        } catch (TrashException e) {
            throw e;
        } catch (IOException e) {
            if (e instanceof NoSuchFileException && !Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                throw e; // it vanished meanwhile
            }
            throw new TrashException("Could not move " + source + " to the trash (" + reason(e) + "); it is where it was.", e);
        }
    }

    private void trash(Path source) throws IOException {
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(source.toString());
        }
        if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new TrashException(source + " is a folder; only files are moved to the trash here.");
        }
        Place place = placeFor(source);
        String name = source.getFileName().toString();
        byte[] info = TrashInfo.of(place.infoPath(), LocalDateTime.now(clock)).getBytes(StandardCharsets.UTF_8);
        for (int attempt = 1; attempt <= MAX_NAMES; attempt++) {
            String candidate = attempt == 1 ? name : numbered(name, attempt);
            Path target = place.trash().resolve("files").resolve(candidate);
            Path infoFile = place.trash().resolve("info").resolve(candidate + ".trashinfo");
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) || !reserve(infoFile, info)) {
                continue; // the name is taken: by a file trashed before, or another program right now
            }
            try {
                mover.move(source, target);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(infoFile); // the file is where it was: no info for it in the trash
                if (e instanceof IOException io) {
                    throw io;
                }
                throw new TrashException("Could not move " + source + " to the trash (" + reason(e) + "); it is where it was.", e);
            }
            return;
        }
        throw new TrashException("The trash already holds " + MAX_NAMES + " files named like " + name + "; " + source
                + " was left where it is.");
    }

    private static String reason(Exception e) {
        if (e instanceof AtomicMoveNotSupportedException) {
            return "it would have to be copied to another drive";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Where a file goes: a trash on its device, and the path its info file records. */
    private record Place(Path trash, String infoPath) {
    }

    private Place placeFor(Path source) throws IOException {
        Object device = volumes.deviceOf(source);
        if (device.equals(deviceOfHomeTrash())) {
            prepare(homeTrash);
            return new Place(homeTrash, source.toString());
        }
        Path top = volumes.mountPointOf(source);
        String relative = top.relativize(source).toString();
        Path shared = top.resolve(".Trash");
        if (Files.isDirectory(shared, LinkOption.NOFOLLOW_LINKS) && volumes.isSticky(shared)) {
            Path mine = shared.resolve(Integer.toString(uid));
            if (usable(mine, device)) {
                return new Place(mine, relative);
            }
        }
        Path own = top.resolve(".Trash-" + uid);
        if (usable(own, device)) {
            return new Place(own, relative);
        }
        throw new TrashException(source + " is on another drive (" + top + ") that has no trash folder this program"
                + " may use; it was left where it is.");
    }

    /** The home trash's device, making the trash (or the folder above it) first if needed. */
    private Object deviceOfHomeTrash() throws IOException {
        try {
            prepare(homeTrash);
            return volumes.deviceOf(homeTrash);
        } catch (IOException e) {
            Path existing = homeTrash;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                throw e;
            }
            return volumes.deviceOf(existing);
        }
    }

    /** Whether a trash folder on another device can be made (only the user may read it) and is on the file's device. */
    private boolean usable(Path trash, Object device) {
        try {
            if (!Files.isDirectory(trash, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(trash, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (Files.isSymbolicLink(trash) || !device.equals(volumes.deviceOf(trash))) {
                return false;
            }
            prepare(trash);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void prepare(Path trash) throws IOException {
        Files.createDirectories(trash.resolve("files"));
        Files.createDirectories(trash.resolve("info"));
    }

    /**
     * Writes the info file whole under {@code infoFile} unless that name is taken: a finished temporary
     * file is hard-linked to the name (atomic, and refused when it exists); where the file system has
     * no hard links, the name is created exclusively and written.
     *
     * @return false when the name is taken
     */
    private static boolean reserve(Path infoFile, byte[] content) throws IOException {
        Path temporary = infoFile.resolveSibling("." + UUID.randomUUID() + ".trashinfo.part");
        Files.write(temporary, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        try {
            Files.createLink(infoFile, temporary);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException noLinks) {
            try {
                Files.write(infoFile, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** "photo.jpg" → "photo.2.jpg"; "notes" → "notes.2". */
    static String numbered(String name, int number) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name + "." + number : name.substring(0, dot) + "." + number + name.substring(dot);
    }
}
