package org.imageorganizer.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.imageorganizer.config.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {
    @TempDir
    Path dir;

    @Test
    void aGpuDriverIsLookedForWhereTheOsKeepsIt() {
        Set<Path> linuxDriver = Set.of(Path.of("/dev/nvidiactl"));
        assertThat(NativeLibraries.gpuDriverPresent("Linux", Map.of(), linuxDriver::contains)).isTrue();
        assertThat(NativeLibraries.gpuDriverPresent("Linux", Map.of(), Set.of(Path.of("/proc/driver/nvidia"))::contains))
                .isTrue();
        assertThat(NativeLibraries.gpuDriverPresent("Linux", Map.of(), p -> false)).isFalse();
        assertThat(NativeLibraries.gpuDriverPresent("Mac OS X", Map.of(), p -> true)).isFalse();
        Path nvcuda = Path.of("D:\\Win", "System32", "nvcuda.dll");
        assertThat(NativeLibraries.gpuDriverPresent("Windows 11", Map.of("SystemRoot", "D:\\Win"), nvcuda::equals)).isTrue();
        assertThat(NativeLibraries.gpuDriverPresent("Windows 11", Map.of("SystemRoot", "D:\\Win"), p -> false)).isFalse();
        assertThat(NativeLibraries.gpuDriverPresent("FreeBSD", Map.of(), p -> false)).as("DJL decides").isTrue();
    }

    @Test
    void theProbeIsSwitchedOffWithoutLeavingDjlsForkSwitchOn() {
        NativeLibraries.skipGpuProbe();

        assertThat(System.getProperty(NativeLibraries.CUDA_FORK)).isNull();
        assertThat(ai.djl.util.cuda.CudaUtils.getGpuCount()).isZero();
    }

    @Test
    void theNativeLibrariesGoToTheSharedCacheElseToTheDataFoldersOwn() throws IOException {
        Environment shared = new Environment(dir.resolve("d"), dir.resolve("c"), dir.resolve("s"), dir.resolve("l"),
                dir.resolve("user-cache"));
        assertThat(NativeLibraries.usableCacheDir(shared)).isEqualTo(dir.resolve("user-cache/native")).isDirectory();

        Files.writeString(dir.resolve("blocked"), "a file, not a folder");
        Environment blocked = new Environment(dir.resolve("d"), dir.resolve("c"), dir.resolve("s"), dir.resolve("l"),
                dir.resolve("blocked"));
        assertThat(NativeLibraries.usableCacheDir(blocked)).isEqualTo(dir.resolve("c/native"));
    }
}
