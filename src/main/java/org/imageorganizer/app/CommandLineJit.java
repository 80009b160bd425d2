package org.imageorganizer.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.management.JMException;
import javax.management.ObjectName;
import org.imageorganizer.common.AtomicFiles;
import org.imageorganizer.common.Futures;
import org.slf4j.LoggerFactory;

/**
 * Asks HotSpot, in the command-line runs of {@code tree}, {@code list}, {@code export} and {@code organize}, to
 * compile nothing with its optimising compiler C2 but the clustering's code (ELKI's and {@code cluster}'s), ADR 0041.
 * In these runs C2's code arrives late or never pays: the read-only commands end within a second, and an import's
 * time is the model's native inference, beside which C2's compilations and the profiling that feeds them take a core
 * the inference wants. On this project's two-core machine {@code list} of 10,000 images took 0.15 s less, and
 * {@code organize} of 300 new photos 1.5 s less (its first photo stored 0.6 s sooner); the clustering, Java's own
 * quadratic work, keeps C2 and its speed. What {@code -XX:TieredStopAtLevel=1} would do, done from inside
 * {@code java -jar}, which takes no JVM options: compiler directives added through the {@code DiagnosticCommand}
 * MBean (as {@code jcmd PID Compiler.directives_add FILE} would), on a thread of their own beside the command's
 * start. The directives' file is written once into the per-user cache.
 *
 * <p>Only the speed can change: a JVM without that MBean (another vendor's, a runtime without
 * {@code jdk.management}), a cache that cannot be written or a directive refused leave the command as it was, with
 * a line in the log at debug level. Nothing is logged before the logging has started (see {@link LibraryReadAhead}).
 */
final class CommandLineJit {
    /** The clustering's methods as usual; every other one without C2 (HotSpot then compiles it with C1 alone). */
    static final String DIRECTIVES = """
            [{ match: ["elki/*.*", "org/imageorganizer/cluster/*.*"], c2: { Exclude: false } },
             { match: "*.*", c2: { Exclude: true } }]
            """;

    private static final String FILE = "jit/command-line-v1.json";
    private static final Set<String> COMMANDS = Set.of("tree", "list", "export", "organize");
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

    /** Runs a HotSpot diagnostic command, as {@code jcmd} names it, and gives what it printed. */
    @FunctionalInterface
    interface DiagnosticCommands {
        String run(String command, String... arguments) throws Exception;
    }

    private CommandLineJit() {
    }

    /** Whether {@code args} run one of the commands that want C2 off, not its help. */
    static boolean wanted(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]) && Arrays.stream(args).noneMatch(HELP::contains);
    }

    /**
     * Turns C2 off for this process, on a new daemon thread, when {@link #wanted}; else does nothing.
     *
     * @param logging completes once the logging has started; what happened is logged after that
     * @return what happened, in a sentence, once done; null when nothing was asked
     */
    static CompletableFuture<String> start(String[] args, Path sharedCacheDir, CompletableFuture<?> logging) {
        if (!wanted(args)) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<String> done = Futures.onNewThread("command-line-jit", true,
                () -> turnOffC2(sharedCacheDir, CommandLineJit::hotSpot));
        done.thenAcceptBoth(logging, (outcome, ignored) ->
                LoggerFactory.getLogger(CommandLineJit.class).debug("{}", outcome));
        return done;
    }

    /** Writes the directives' file if it is not there as it should be, and adds them; never throws. */
    static String turnOffC2(Path sharedCacheDir, DiagnosticCommands commands) {
        Path file = sharedCacheDir.resolve(FILE);
        try {
            byte[] wanted = DIRECTIVES.getBytes(StandardCharsets.US_ASCII);
            if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), wanted)) {
                AtomicFiles.write(file, wanted);
            }
        } catch (IOException | RuntimeException e) {
            return "C2 stays on: cannot write its directives to " + file + " (" + e + ").";
        }
        String path = file.toAbsolutePath().toString();
        if (path.indexOf('"') >= 0) {
            return "C2 stays on: the directives' path " + path + " has a quotation mark, which HotSpot cannot read.";
        }
        try {
            // the command's arguments are split at spaces, except within quotation marks
            String printed = commands.run("compilerDirectivesAdd", '"' + path + '"');
            return "C2 is off for this command but for the clustering: " + String.valueOf(printed).strip();
        } catch (Exception | LinkageError e) {
            return "C2 stays on: this JVM took no compiler directives (" + e + ").";
        }
    }

    /** The running HotSpot's diagnostic commands, through the platform MBean server. */
    private static String hotSpot(String command, String... arguments) throws JMException {
        return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), command,
                new Object[] {arguments}, new String[] {String[].class.getName()}));
    }
}
