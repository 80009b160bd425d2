package org.imageorganizer.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import javax.management.JMException;
import javax.management.ObjectName;
import org.imageorganizer.common.AtomicFiles;
import org.imageorganizer.common.Futures;
import org.slf4j.LoggerFactory;

/**
 * Asks HotSpot, in a command that ends within about a second ({@code tree}, {@code list}, {@code export}), to compile
 * nothing with its optimising compiler C2 (ADR 0041). In such a run C2's code arrives after the command needed it,
 * and compiling it, with the profiling that feeds it, takes the second core from the command: on this project's
 * two-core machine {@code list} of 10,000 images took 0.15 s less with it off. What {@code -XX:TieredStopAtLevel=1}
 * does for a whole run, done from inside {@code java -jar}, which takes no JVM options: a compiler directive added
 * through the {@code DiagnosticCommand} MBean (as {@code jcmd PID Compiler.directives_add FILE} would), on a thread
 * of its own beside the command's start. The directive's file is written once into the per-user cache.
 *
 * <p>Only the speed can change: a JVM without that MBean (another vendor's, a runtime without
 * {@code jdk.management}), a cache that cannot be written or a directive refused leave the command as it was, with
 * a line in the log at debug level. Nothing is logged before the logging has started (see {@link LibraryReadAhead}).
 */
final class ShortCommandJit {
    /** Every method: no C2 compilation (HotSpot then compiles them with C1, without profiling). */
    static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]\n";

    private static final String FILE = "jit/short-command-v1.json";

    /** Runs a HotSpot diagnostic command, as {@code jcmd} names it, and gives what it printed. */
    @FunctionalInterface
    interface DiagnosticCommands {
        String run(String command, String... arguments) throws Exception;
    }

    private ShortCommandJit() {
    }

    /**
     * Turns C2 off for this process, on a new daemon thread, when {@code args} plainly run a read-only command;
     * else does nothing.
     *
     * @param logging completes once the logging has started; what happened is logged after that
     * @return what happened, in a sentence, once done; null when nothing was asked
     */
    static CompletableFuture<String> start(String[] args, Path sharedCacheDir, CompletableFuture<?> logging) {
        if (!org.imageorganizer.cli.ReadOnlyCommandLine.library(args).isPresent()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<String> done = Futures.onNewThread("short-command-jit", true,
                () -> turnOffC2(sharedCacheDir, ShortCommandJit::hotSpot));
        done.thenAcceptBoth(logging, (outcome, ignored) ->
                LoggerFactory.getLogger(ShortCommandJit.class).debug("{}", outcome));
        return done;
    }

    /** Writes the directive's file if it is not there as it should be, and adds the directive; never throws. */
    static String turnOffC2(Path sharedCacheDir, DiagnosticCommands commands) {
        Path file = sharedCacheDir.resolve(FILE);
        try {
            byte[] wanted = DIRECTIVE.getBytes(StandardCharsets.US_ASCII);
            if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), wanted)) {
                AtomicFiles.write(file, wanted);
            }
        } catch (IOException | RuntimeException e) {
            return "C2 stays on: cannot write its directive to " + file + " (" + e + ").";
        }
        String path = file.toAbsolutePath().toString();
        if (path.indexOf('"') >= 0) {
            return "C2 stays on: the directive's path " + path + " has a quotation mark, which HotSpot cannot read.";
        }
        try {
            // the command's arguments are split at spaces, except within quotation marks
            String printed = commands.run("compilerDirectivesAdd", '"' + path + '"');
            return "C2 is off for this short command: " + String.valueOf(printed).strip();
        } catch (Exception | LinkageError e) {
            return "C2 stays on: this JVM took no compiler directive (" + e + ").";
        }
    }

    /** The running HotSpot's diagnostic commands, through the platform MBean server. */
    private static String hotSpot(String command, String... arguments) throws JMException {
        return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), command,
                new Object[] {arguments}, new String[] {String[].class.getName()}));
    }
}
