package org.imageorganizer.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a Java program as a user whom file permissions stop, for tests of what a user sees when a
 * folder cannot be written. The tests often run as root (CI does), for whom permissions stop
 * nothing; then the program runs as {@code nobody} (uid and gid 65534) through util-linux's
 * {@code setpriv}, from a world-readable copy of the test class path (hard links to the jars where
 * the file system allows, copies otherwise), since root's Maven repository is not readable by
 * others. As any other user the program simply runs as that user. Everything lives in a scratch
 * folder that others can enter, removed by {@link #close()}.
 */
public final class Unprivileged implements AutoCloseable {
    /** uid and gid of {@code nobody} on Debian. */
    public static final int NOBODY = 65534;
    private static final String SETPRIV = "/usr/bin/setpriv";

    private final Path scratch;
    private final boolean asNobody;
    private String classPath;

    private Unprivileged(Path scratch, boolean asNobody) {
        this.scratch = scratch;
        this.asNobody = asNobody;
    }

    /**
     * A scratch folder, readable and enterable by everybody. Skips the test, saying why, only where
     * this cannot work at all: no POSIX permissions (Windows), or root without {@code setpriv}.
     */
    public static Unprivileged start() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("unix"),
                "needs POSIX permissions and user ids");
        boolean root = isRoot();
        Assumptions.assumeTrue(!root || Files.isExecutable(Path.of(SETPRIV)),
                "running as root, and " + SETPRIV + " (Debian's util-linux) is missing to run the program as nobody");
        Path scratch = Files.createTempDirectory("unprivileged-");
        Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new Unprivileged(scratch, root);
    }

    private static boolean isRoot() throws IOException {
        Path self = Path.of("/proc/self"); // owned by the process's user
        return Files.exists(self) ? ((Number) Files.getAttribute(self, "unix:uid")).intValue() == 0
                : "root".equals(System.getProperty("user.name"));
    }

    /** Whether the program runs as {@code nobody} (the tests run as root). */
    public boolean asNobody() {
        return asNobody;
    }

    /** A new folder in the scratch folder with these permissions, e.g. {@code rwxr-xr-x} (others may not write). */
    public Path folder(String name, String permissions) throws IOException {
        Path folder = Files.createDirectories(scratch.resolve(name));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString(permissions));
        return folder;
    }

    /**
     * Runs {@code mainClass} with the test class path and {@code args}, with the given environment
     * variables added, and waits (two minutes at most).
     */
    public Result java(Map<String, String> environment, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asNobody) {
            command.addAll(List.of(SETPRIV, "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath(), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile());
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("unprivileged-out-", ".txt");
        Path err = Files.createTempFile("unprivileged-err-", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the program did not finish in two minutes: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The test class path, as a copy others can read when the program runs as nobody. */
    private String classPath() throws IOException {
        if (classPath == null) {
            String original = System.getProperty("java.class.path");
            classPath = asNobody ? readableCopy(original) : original;
        }
        return classPath;
    }

    private String readableCopy(String original) throws IOException {
        Path copies = folder("classpath", "rwxr-xr-x");
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : original.split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            Path target = copies.resolve(n++ + "-" + source.getFileName());
            if (Files.isDirectory(source)) {
                copyTree(source, target);
            } else {
                linkOrCopy(source, target);
            }
            entries.add(target.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void linkOrCopy(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, target);
        }
        if (!Files.isReadable(target) || !Files.getPosixFilePermissions(target).contains(
                java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) {
            Files.delete(target);
            Files.copy(source, target);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(file, copy);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }

    /** Removes the scratch folder with everything in it. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(scratch)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the program printed and returned. */
    public record Result(int exitCode, String out, String err) {
    }

    /** Whether a folder holds no file at all. */
    public static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isEmpty();
        }
    }

    /** Gives {@code folder} to nobody when the program runs as nobody, so that it may write there. */
    public void giveToProgram(Path folder) throws IOException {
        if (asNobody) {
            Files.setAttribute(folder, "unix:uid", NOBODY);
            Files.setAttribute(folder, "unix:gid", NOBODY);
        }
    }
}
