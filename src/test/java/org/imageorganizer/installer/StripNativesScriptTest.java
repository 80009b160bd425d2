package org.imageorganizer.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * installer/strip-natives.sh on a small jar laid out like ONNX Runtime's, with the JDK's jar tool; runs
 * wherever /bin/bash exists (CI), and says it is skipped elsewhere.
 */
class StripNativesScriptTest {
    private static final String ORT = "ai/onnxruntime/native/";
    private static final List<String> ENTRIES = List.of(
            "ai/onnxruntime/OrtSession.class",
            ORT + "linux-x64/libonnxruntime.so",
            ORT + "linux-aarch64/libonnxruntime.so",
            ORT + "osx-aarch64/libonnxruntime.dylib",
            ORT + "osx-aarch64/libonnxruntime.dylib.dSYM/Contents/Resources/DWARF/libonnxruntime.dylib",
            ORT + "win-x64/onnxruntime.dll",
            ORT + "win-x64/onnxruntime.pdb");

    @TempDir
    Path lib;

    @BeforeEach
    void bashAndTheJarToolAreThere() {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash");
        assumeTrue(Files.isExecutable(Path.of(System.getProperty("java.home"), "bin", "jar")), "the JDK's jar tool");
    }

    private Path jar(String name, List<String> entries) throws IOException {
        Path jar = lib.resolve(name);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Automatic-Module-Name", "com.microsoft.onnxruntime");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (String entry : entries) {
                out.putNextEntry(new JarEntry(entry));
                out.write(entry.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private Process strip(String platform) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", "installer/strip-natives.sh", platform, lib.toString())
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process;
    }

    private static List<String> files(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                if (!entry.isDirectory()) {
                    names.add(entry.getName());
                }
            }
            assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                    .isEqualTo("com.microsoft.onnxruntime");
        }
        return names;
    }

    @Test
    void keepsOnlyTheTargetPlatformsNativesAndTheClasses() throws Exception {
        Path jar = jar("onnxruntime-1.21.1.jar", ENTRIES);

        assertThat(strip("linux-x86_64").exitValue()).isZero();

        assertThat(files(jar)).containsExactlyInAnyOrder(
                "META-INF/MANIFEST.MF", "ai/onnxruntime/OrtSession.class", ORT + "linux-x64/libonnxruntime.so");
    }

    @Test
    void dropsDebugSymbolsOfTheTargetPlatformToo() throws Exception {
        Path jar = jar("onnxruntime-1.21.1.jar", ENTRIES);

        assertThat(strip("windows-x86_64").exitValue()).isZero();

        assertThat(files(jar)).containsExactlyInAnyOrder(
                "META-INF/MANIFEST.MF", "ai/onnxruntime/OrtSession.class", ORT + "win-x64/onnxruntime.dll");
    }

    @Test
    void failsWhenTheJarHasNothingForThePlatform() throws Exception {
        Path jar = jar("onnxruntime-1.21.1.jar", List.of("ai/onnxruntime/OrtSession.class", ORT + "linux-x64/libonnxruntime.so"));

        Process process = strip("macos-aarch64");

        assertThat(process.exitValue()).isNotZero();
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("nothing under " + ORT + "osx-aarch64/");
        assertThat(files(jar)).contains(ORT + "linux-x64/libonnxruntime.so");
    }

    @Test
    void leavesJarsTheTableDoesNotNameAlone() throws Exception {
        Path jar = jar("javafx-graphics-21.0.11-linux.jar", List.of("libglass.so", "com/sun/glass/ui/Application.class"));
        jar("onnxruntime-1.21.1.jar", ENTRIES);

        assertThat(strip("macos-aarch64").exitValue()).isZero();

        assertThat(files(jar)).contains("libglass.so");
    }
}
