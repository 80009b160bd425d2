package org.imageorganizer.bench.startup;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Starts whole processes of the built jar as a user would, {@code java -jar image-organizer.jar ARGS},
 * with the Java that runs the bench, the JVM's default options and the data folders of one
 * {@code IMAGE_ORGANIZER_HOME} (so that a warm-up run leaves the native libraries, the model's
 * caches and the settings as a returning user has them).
 */
public final class JarRunner {
    private final Path java;
    private final Path jar;
    private final Path home;
    private final List<String> options;

    /**
     * @param java the {@code java} launcher
     * @param jar  the application's jar (its {@code lib/} folder beside it)
     * @param home the {@code IMAGE_ORGANIZER_HOME} of every child
     */
    public JarRunner(Path java, Path jar, Path home) {
        this(java, jar, home, List.of());
    }

    private JarRunner(Path java, Path jar, Path home, List<String> options) {
        this.java = java;
        this.jar = jar;
        this.home = home;
        this.options = List.copyOf(options);
    }

    /** The same runner with JVM options put before every child's own (a class-data archive's, ADR 0030). */
    public JarRunner withJvmOptions(List<String> more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(more);
        return new JarRunner(java, jar, home, all);
    }

    /** The {@code java} launcher of this JVM. */
    public static Path currentJava() {
        return Path.of(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    }

    /**
     * The jar to time: the one given, else the jar this code runs from, else {@code target/image-organizer.jar}
     * under the working folder; empty when none is a file.
     *
     * @param given      {@code --jar}, or null
     * @param codeSource where the bench's classes come from (a jar, or a classes folder in tests)
     */
    public static Optional<Path> locate(Path given, Path codeSource, Path workingFolder) {
        if (given != null) {
            return Files.isRegularFile(given) ? Optional.of(given.toAbsolutePath()) : Optional.empty();
        }
        if (codeSource != null && Files.isRegularFile(codeSource) && codeSource.toString().endsWith(".jar")) {
            return Optional.of(codeSource.toAbsolutePath());
        }
        Path built = workingFolder.resolve("target").resolve("image-organizer.jar");
        return Files.isRegularFile(built) ? Optional.of(built.toAbsolutePath()) : Optional.empty();
    }

    public Path jar() {
        return jar;
    }

    /**
     * Launches {@code java JVM_OPTIONS -jar JAR ARGS}; standard output goes to {@code out.txt} in
     * {@code runDir}, standard error is read line by line as it comes (and kept in {@code err.txt}).
     */
    public Child start(Path runDir, List<String> jvmOptions, List<String> args) {
        return start(runDir, jvmOptions, args, Map.of());
    }

    /** {@link #start(Path, List, List)} with extra environment variables. */
    public Child start(Path runDir, List<String> jvmOptions, List<String> args, Map<String, String> environment) {
        try {
            Files.createDirectories(runDir);
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(options);
            command.addAll(jvmOptions);
            command.add("-jar");
            command.add(jar.toString());
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(runDir.resolve("out.txt").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().put("IMAGE_ORGANIZER_HOME", home.toString());
            builder.environment().putAll(environment);
            return Child.start(builder, runDir.resolve("err.txt"), String.join(" ", args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "NUL" : "/dev/null");
    }
}
