package org.imageorganizer.bench.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A started child process of the jar: when it was launched (monotonic and wall clock), its standard
 * error as timed lines, and its exit. Closing it stops a child still running (SIGTERM, then by force).
 */
public final class Child implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private final Process process;
    private final long launchNanos;
    private final long launchEpochMillis;
    private final String description;
    private final List<TimedLine> stderr = new ArrayList<>();
    private final Thread reader;

    /**
     * A finished child.
     *
     * @param exitCode its exit code
     * @param seconds  from the launch to the exit seen by the bench
     * @param stderr   what it printed on standard error
     */
    public record Exit(int exitCode, double seconds, List<TimedLine> stderr) {
    }

    private Child(Process process, long launchNanos, long launchEpochMillis, String description, Path errFile) {
        this.process = process;
        this.launchNanos = launchNanos;
        this.launchEpochMillis = launchEpochMillis;
        this.description = description;
        this.reader = new Thread(() -> read(errFile), "startup-bench-stderr");
        reader.setDaemon(true);
        reader.start();
    }

    static Child start(ProcessBuilder builder, Path errFile, String description) throws IOException {
        long epochMillis = System.currentTimeMillis();
        long nanos = System.nanoTime();
        Process process = builder.start();
        return new Child(process, nanos, epochMillis, description, errFile);
    }

    private void read(Path errFile) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
             Writer copy = Files.newBufferedWriter(errFile)) {
            String line;
            while ((line = in.readLine()) != null) {
                double at = secondsNow();
                synchronized (stderr) {
                    stderr.add(new TimedLine(at, line));
                }
                copy.write(line);
                copy.write(System.lineSeparator());
            }
        } catch (IOException e) {
            // the child went away; what was read is kept
        }
    }

    /** Seconds since the launch, now. */
    public double secondsNow() {
        return (System.nanoTime() - launchNanos) / 1e9;
    }

    /** Seconds from the launch to a wall-clock time (such as a time in the child's log), to the millisecond. */
    public double secondsAt(long epochMillis) {
        return (epochMillis - launchEpochMillis) / 1e3;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The lines read so far. */
    public List<TimedLine> stderr() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    /** Waits for the exit; a child still running after {@code timeout} is stopped and reported as an error. */
    public Exit await(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new IllegalStateException("'" + description + "' still ran after " + timeout.toSeconds() + " s; "
                        + "stopped. Its last lines: " + tail());
            }
            double seconds = secondsNow();
            reader.join(STOP_GRACE.toMillis());
            return new Exit(process.exitValue(), seconds, stderr());
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@link #await} that also requires exit code 0. */
    public Exit awaitSuccess(Duration timeout) {
        Exit exit = await(timeout);
        if (exit.exitCode() != 0) {
            throw new IllegalStateException("'" + description + "' exited with " + exit.exitCode() + ": " + tail());
        }
        return exit;
    }

    /** The last lines of standard error, for messages. */
    public String tail() {
        List<TimedLine> lines = stderr();
        List<String> last = new ArrayList<>();
        for (TimedLine l : lines.subList(Math.max(0, lines.size() - 5), lines.size())) {
            last.add(l.text());
        }
        return last.isEmpty() ? "(nothing on stderr)" : String.join(" | ", last);
    }

    /** Stops the child if it still runs: SIGTERM (as a service manager would), then by force. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
