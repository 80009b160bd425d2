package org.imageorganizer.api;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where upload parts wait on disk while a request is read. Under the root (in the server's storage
 * folder) each running server has a folder of its own, held by a lock on {@code NAME.lock} beside
 * it, and each upload request a subfolder that is deleted when the request ends, however it ends.
 * Opening the spool removes whatever servers that are gone (a crash, SIGKILL) left under the root;
 * a folder whose lock is still held belongs to a running server (the desktop window and
 * {@code serve} may share a storage folder) and is left alone.
 */
final class UploadSpool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UploadSpool.class);
    private static final String LOCK = ".lock";

    private final Path folder;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicLong requests = new AtomicLong();

    private UploadSpool(Path folder, FileChannel lockChannel, FileLock lock) {
        this.folder = folder;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates this server's folder under {@code root}, after removing what servers no longer
     * running left there.
     *
     * @throws IOException when the root cannot be written
     */
    static UploadSpool open(Path root) throws IOException {
        Files.createDirectories(root);
        removeLeftovers(root);
        String name = UUID.randomUUID().toString().replace("-", "");
        FileChannel channel = FileChannel.open(root.resolve(name + LOCK), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        try {
            // locked before the folder exists, so that no other server takes the folder for a gone one's
            FileLock lock = lock(channel, root);
            return new UploadSpool(Files.createDirectory(root.resolve(name)), channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The lock that marks the folder as in use, or null where the file system has no locks. */
    private static FileLock lock(FileChannel channel, Path root) {
        try {
            return channel.lock();
        } catch (IOException e) {
            // other servers cannot tell this one's folder from a crashed one's either, so they leave both alone
            LOG.warn("Cannot lock a file in {} ({}); what a crashed server leaves there will not be removed", root,
                    e.toString());
            return null;
        }
    }

    /** This server's folder: empty whenever no upload is being read. */
    Path folder() {
        return folder;
    }

    /** A folder for one request's parts (not yet created: the parser creates it when it first writes). */
    Path newRequestFolder() {
        return folder.resolve(Long.toString(requests.incrementAndGet()));
    }

    /** Deletes this server's folder and everything in it, then releases the lock. */
    @Override
    public void close() {
        try {
            deleteTree(folder);
        } catch (IOException e) {
            LOG.warn("Could not empty the upload spool {}: {}", folder, e.toString());
        }
        try (lockChannel) {
            if (lock != null) {
                lock.release();
            }
            Files.deleteIfExists(folder.resolveSibling(folder.getFileName() + LOCK));
        } catch (IOException e) {
            LOG.debug("Could not remove the spool's lock: {}", e.toString());
        }
    }

    private static void removeLeftovers(Path root) throws IOException {
        long removed = 0;
        try (var entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.endsWith(LOCK)) {
                    // removed with its folder; one without a folder may be a server starting right now
                    continue;
                }
                Path lockFile = root.resolve(name + LOCK);
                if (!Files.isDirectory(entry) || !heldByRunningServer(lockFile)) {
                    removed += deleteTree(entry);
                    Files.deleteIfExists(lockFile);
                }
            }
        }
        if (removed > 0) {
            LOG.info("Removed {} upload part files an earlier server left in {}", removed, root);
        }
    }

    /** True when another server (in this process or another) holds the lock, or when that cannot be told. */
    private static boolean heldByRunningServer(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            LOG.warn("Cannot tell whether a server still uses the upload spool {}; leaving it: {}", lockFile, e.toString());
            return true;
        }
    }

    /**
     * Deletes a file, or a folder and everything under it, without following symbolic links.
     *
     * @return the number of regular files deleted
     */
    static long deleteTree(Path path) throws IOException {
        long[] files = {0};
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (Files.deleteIfExists(file) && attributes.isRegularFile()) {
                    files[0]++;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return files[0];
    }
}
