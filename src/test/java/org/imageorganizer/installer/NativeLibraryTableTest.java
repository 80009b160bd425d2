package org.imageorganizer.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * installer/native-libraries.txt against the jars the build really uses (they are on the test
 * class path): for each platform, the folder to keep must hold that platform's natives. When a
 * dependency update moves them, strip-natives.sh would drop them all; this fails first.
 */
class NativeLibraryTableTest {
    private static final Path TABLE = Path.of("installer/native-libraries.txt");
    private static final Set<String> PLATFORMS = Set.of("linux-x86_64", "linux-aarch64", "macos-aarch64", "windows-x86_64");
    private static final Pattern NATIVE = Pattern.compile(".*\\.(so(\\.\\d+)*|dylib|jnilib|dll)$");

    record Row(String artifact, String platform, String keep) {
    }

    private static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(TABLE)) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split("\\s+");
            assertThat(fields).as(line).hasSize(3);
            rows.add(new Row(fields[0], fields[1], fields[2]));
        }
        return rows;
    }

    private static Path jarOnClassPath(String artifact) {
        Pattern name = Pattern.compile(Pattern.quote(artifact) + "-\\d.*\\.jar");
        return Stream.of(System.getProperty("java.class.path").split(Pattern.quote(File.pathSeparator)))
                .map(Path::of)
                .filter(p -> name.matcher(p.getFileName().toString()).matches())
                .findFirst()
                .orElseThrow(() -> new AssertionError(artifact + " is not on the class path"));
    }

    private static List<String> nativesIn(Path jar) throws IOException {
        List<String> natives = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (NATIVE.matcher(entry).matches() && !entry.contains(".dSYM/")) {
                    natives.add(entry);
                }
            }
        }
        return natives;
    }

    @Test
    void everyArtifactHasOneFolderForEachPlatform() throws IOException {
        Map<String, List<String>> platformsByArtifact = rows().stream().collect(Collectors.groupingBy(
                Row::artifact, TreeMap::new, Collectors.mapping(Row::platform, Collectors.toList())));

        assertThat(platformsByArtifact).containsKeys("onnxruntime", "opencv", "tokenizers", "pytorch-jni");
        platformsByArtifact.forEach((artifact, platforms) ->
                assertThat(platforms).as(artifact).hasSize(PLATFORMS.size()).containsExactlyInAnyOrderElementsOf(PLATFORMS));
    }

    @Test
    void eachFolderToKeepHoldsNativesOfTheJarTheBuildUses() throws IOException {
        for (Row row : rows()) {
            List<String> natives = nativesIn(jarOnClassPath(row.artifact()));

            assertThat(natives).as("%s natives under %s (%s)", row.artifact(), row.keep(), row.platform())
                    .anyMatch(entry -> entry.startsWith(row.keep()));
        }
    }

    @Test
    void noFolderToKeepContainsAnotherPlatformsFolder() throws IOException {
        List<Row> rows = rows();
        for (Row a : rows) {
            for (Row b : rows) {
                if (a.artifact().equals(b.artifact()) && !a.platform().equals(b.platform())) {
                    assertThat(b.keep()).as("%s: %s and %s", a.artifact(), a.platform(), b.platform())
                            .doesNotStartWith(a.keep());
                }
            }
        }
    }
}
