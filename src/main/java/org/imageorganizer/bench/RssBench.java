package org.imageorganizer.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Peak resident memory of a real {@code organize} process (a child JVM started as a user would
 * start it), read from Linux's {@code /proc/<pid>/status} (VmHWM) while it runs. The photos are
 * made distinct by appending bytes after each file's end, so every copy is imported and decoded.
 */
final class RssBench {
    private final Path workDir;

    RssBench(Path workDir) {
        this.workDir = workDir;
    }

    record Result(int images, long peakRssBytes, double seconds, int exitCode) {
    }

    static boolean supported() {
        return Files.isReadable(Path.of("/proc/self/status"));
    }

    /** Writes {@code count} distinct files cycling through the photos; returns the folder. */
    Path distinctCopies(Path photos, int count) {
        try {
            Path out = Files.createTempDirectory(workDir, "rss-photos-");
            List<Path> sources;
            try (Stream<Path> files = Files.list(photos)) {
                sources = files.filter(Files::isRegularFile).sorted().toList();
            }
            for (int i = 0; i < count; i++) {
                Path source = sources.get(i % sources.size());
                String name = source.getFileName().toString();
                byte[] bytes = Files.readAllBytes(source);
                byte[] unique = java.util.Arrays.copyOf(bytes, bytes.length + 8);
                for (int b = 0; b < 8; b++) {
                    unique[bytes.length + b] = (byte) (i >>> (8 * b));
                }
                Files.write(out.resolve(i + "-" + name), unique);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result run(Path photos, Path modelDir, int views, List<String> jvmOptions) {
        try {
            Path home = Files.createTempDirectory(workDir, "rss-home-");
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.imageorganizer.app.Main",
                    "organize", photos.toString(), "--model-dir", modelDir.toString(), "--views", String.valueOf(views)));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(workDir.resolve("rss-organize.err").toFile());
            builder.environment().put("IMAGE_ORGANIZER_HOME", home.toString());
            Stopwatch watch = new Stopwatch();
            Process process = builder.start();
            Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
            long peak = 0;
            while (process.isAlive()) {
                peak = Math.max(peak, vmHwm(status));
                Thread.sleep(200);
            }
            int exit = process.waitFor();
            return new Result(countFiles(photos), peak, watch.seconds(), exit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static long vmHwm(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process just ended
        }
        return 0;
    }

    private static int countFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.count();
        }
    }
}
