package org.imageorganizer.bench.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A class-data-sharing archive of the jar, made the way the README tells {@code java -jar} users to make one
 * (ADR 0030): {@code java -XX:ArchiveClassesAtExit=FILE -Xlog:cds=off -Xlog:cds+dynamic=off -jar JAR
 * cds-training}, with no model given, as the Linux packages' post-install step makes theirs. The children
 * that use it get {@code -XX:SharedArchiveFile=FILE} and the same log options.
 */
public final class ClassDataArchive {
    /** The options that keep a missing or refused archive off standard output. */
    public static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private ClassDataArchive() {
    }

    /**
     * Makes the archive in {@code runDir} with a training run of the jar, checks that the JVM maps it
     * ({@code --version} with {@code -Xshare:on}, which fails when it cannot), and returns a runner whose
     * children use it.
     *
     * @throws IllegalStateException when the training run fails, writes no archive, or the archive is refused
     */
    public static JarRunner train(JarRunner plain, Path runDir, Duration timeout) {
        Path archive = runDir.resolve("image-organizer.jsa");
        try (Child training = plain.start(runDir, options("-XX:ArchiveClassesAtExit=" + archive), List.of("cds-training"))) {
            training.awaitSuccess(timeout);
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run wrote no class-data archive at " + archive);
        }
        JarRunner withArchive = plain.withJvmOptions(options("-XX:SharedArchiveFile=" + archive));
        try (Child check = withArchive.start(runDir.resolveSibling(runDir.getFileName() + "-check"), List.of("-Xshare:on"),
                List.of("--version"))) {
            check.awaitSuccess(timeout);
        }
        return withArchive;
    }

    private static List<String> options(String archiveOption) {
        return List.of(archiveOption, QUIET.get(0), QUIET.get(1));
    }
}
