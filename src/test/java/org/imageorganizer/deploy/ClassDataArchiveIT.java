package org.imageorganizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADR 0030: a class-data-sharing archive that is missing, or was made with another build of the jar (the JVM
 * then refuses it), never puts a word on standard output, so that {@code list --json} stays JSON; and the server
 * folder's launcher maps the archive beside {@code lib/} when it was made for it. Whole processes of the
 * built jar and of the server folder (image-organizer.jar with its lib/).
 */
@Tag("slow")
class ClassDataArchiveIT {
    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    private static final Path JAR = Path.of("target/image-organizer.jar").toAbsolutePath();

    @TempDir
    Path temp;

    private Path library;

    @BeforeEach
    void aLibrary() {
        library = temp.resolve("library.mv.db");
    }

    @Test
    void aMissingArchivePrintsNothingOnStandardOutput() throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-XX:SharedArchiveFile=" + temp.resolve("missing.jsa")));
        command.addAll(QUIET);
        command.addAll(List.of("-jar", JAR.toString(), "list", "--json", "--db", library.toString()));

        assertThat(json(run(command))).as("list --json of an empty library").isEmpty();
    }

    @Test
    void anArchiveMadeWithAnotherJarIsRefusedSilentlyAndOneMadeForTheseJarsIsMapped() throws Exception {
        Path made = appFolder("made-here");
        Path rebuilt = appFolder("rebuilt");
        Path jar = rebuilt.resolve("lib/image-organizer.jar");
        Files.copy(made.resolve("lib/image-organizer.jar"), jar, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(3600))); // another build of the jar
        Path archive = made.resolve("image-organizer.jsa");
        run(launcher(made, "-XX:ArchiveClassesAtExit=" + archive + " " + String.join(" ", QUIET), "--version"));
        assertThat(archive).isRegularFile();
        Files.copy(archive, rebuilt.resolve("image-organizer.jsa"));

        // the jars it was made for: the launcher maps it (so this test tells a mapped archive from a refused one)
        Path loaded = temp.resolve("classes.txt");
        run(launcher(made, "-Xlog:class+load:file=" + loaded, "--version"));
        assertThat(Files.readString(loaded)).contains("source: shared objects file (top)");

        // another image-organizer.jar: refused, which the JVM says on standard output unless told not to
        Output refused = run(List.of(java(), "-XX:SharedArchiveFile=" + rebuilt.resolve("image-organizer.jsa"),
                "-cp", rebuilt.resolve("lib") + "/*", "org.imageorganizer.app.Main", "--version"));
        assertThat(refused.out()).contains("[warning][cds");
        assertThat(json(run(launcher(rebuilt, "", "list", "--json", "--db", library.toString())))).isEmpty();
    }

    /** A server folder of its own: the launcher script copied, lib/ links to the jars of the built server folder. */
    private Path appFolder(String name) throws IOException {
        Path folder = temp.resolve(name);
        Path launcher = Files.copy(Path.of("installer/server/image-organizer-cli"),
                Files.createDirectories(folder.resolve("bin")).resolve("image-organizer-cli"));
        Files.setPosixFilePermissions(launcher, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE));
        Path lib = Files.createDirectories(folder.resolve("lib"));
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("imageorganizer.server.dir"), "lib"))) {
            for (Path jar : jars.sorted().toList()) {
                Files.createSymbolicLink(lib.resolve(jar.getFileName()), jar.toAbsolutePath());
            }
        }
        return folder;
    }

    private static List<String> launcher(Path folder, String javaOptions, String... args) {
        List<String> command = new ArrayList<>(List.of("env", "JAVA_HOME=" + System.getProperty("java.home"),
                "JAVA_OPTS=" + javaOptions, folder.resolve("bin/image-organizer-cli").toString()));
        command.addAll(List.of(args));
        return command;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Output(String out, String err) {
    }

    private Output run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(temp.resolve("err.txt").toFile());
        builder.environment().put("IMAGE_ORGANIZER_HOME", temp.resolve("home").toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(temp.resolve("err.txt"));
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + err).isZero();
        return new Output(out, err);
    }

    /** Standard output as JSON: fails when anything else is on it. */
    private static JsonNode json(Output output) throws IOException {
        JsonNode node = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(output.out());
        assertThat(node.isArray()).as(output.out()).isTrue();
        return node;
    }
}
