package org.imageorganizer.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenCvNativesTest {
    @TempDir
    Path cache;

    @Test
    void everySupportedSystemNamesALibraryTheJarHolds() {
        String[][] systems = {
            {"Linux", "amd64"}, {"Linux", "aarch64"}, {"Linux", "arm"},
            {"Mac OS X", "x86_64"}, {"Mac OS X", "aarch64"},
            {"Windows 11", "amd64"}, {"Windows 10", "x86"},
        };
        for (String[] system : systems) {
            String resource = OpenCvNatives.bundledLibrary(system[0], system[1]).orElseThrow();
            assertThat(getClass().getClassLoader().getResource(resource)).as(resource).isNotNull();
        }
    }

    @Test
    void otherSystemsAreLeftToTheJarsOwnLoader() {
        assertThat(OpenCvNatives.bundledLibrary("FreeBSD", "amd64")).isEmpty();
        assertThat(OpenCvNatives.bundledLibrary("Linux", "riscv64")).isEmpty();
    }

    @Test
    void theLibraryIsUnpackedOnceAndReplacedWhenIncomplete() throws IOException {
        String resource = OpenCvNatives.bundledLibrary("Linux", "amd64").orElseThrow();
        URL url = getClass().getClassLoader().getResource(resource);
        long size = url.openConnection().getContentLengthLong();

        Path first = OpenCvNatives.unpacked(url, resource, cache);
        assertThat(first).startsWith(cache).hasFileName("libopencv_java490.so");
        assertThat(Files.size(first)).isEqualTo(size);
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(first, old);

        assertThat(OpenCvNatives.unpacked(url, resource, cache)).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(first)).as("reused, not written again").isEqualTo(old);

        Files.write(first, new byte[] {1, 2, 3}); // a library cut short by a crash of an older version
        assertThat(OpenCvNatives.unpacked(url, resource, cache)).isEqualTo(first);
        assertThat(Files.size(first)).isEqualTo(size);
        try (var left = Files.list(first.getParent())) {
            assertThat(left).as("no temporary file left").containsExactly(first);
        }
    }
}
