package org.imageorganizer.app;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.imageorganizer.cli.CommandFactory;
import org.imageorganizer.cli.ErrorHandler;
import org.imageorganizer.cli.RootCommand;
import org.imageorganizer.config.Environment;
import org.imageorganizer.config.Settings;

/** Entry point: sets up logging and native library folders, wires the services and runs the command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Environment environment = Environment.detect();
        Map<String, String> variables = System.getenv();
        System.exit(ClassDataTraining.wanted(args)
                ? ClassDataTraining.inScratchFolder(environment, variables, (scratch, only) -> {
                    try {
                        return run(args, scratch, only);
                    } finally {
                        Logging.stop(); // its file is in the scratch folder, deleted next
                    }
                })
                : run(args, environment, variables));
    }

    /**
     * @param environment the folders the run uses
     * @param variables   the environment variables the core reads (the library, Cloudinary, the model folders)
     */
    static int run(String[] args, Environment environment, Map<String, String> variables) {
        if (args.length > 0) {
            StartupSplash.close(); // a command has no window: the launcher's splash goes at once (ADR 0027)
        }
        CompletableFuture<Void> logging = new CompletableFuture<>();
        // tree, list, export end within a second or so: C2's code would come too late to help them (ADR 0041)
        CommandLineJit.start(args, environment.sharedCacheDir(), logging);
        Path logFile = Logging.init(environment.logDir());
        // the window: its toolkit starts now, beside the set-up below (which starts the logging, seconds on a busy machine)
        CompletableFuture<Void> toolkit = args.length == 0 ? DesktopLauncher.startToolkit() : null;
        // tree, list, export: their library opens on a second thread while the set-up below and picocli run (ADR 0040)
        try (LibraryReadAhead readAhead = LibraryReadAhead.start(args, environment, variables, logging)) {
            try {
                Logging.start();
            } finally {
                logging.complete(null);
            }
            NativeLibraries.configure(environment);
            PrintWriter err = new PrintWriter(System.err, true, Charset.defaultCharset());
            Core core = new Core(environment, variables, err);
            if (args.length == 0) {
                try {
                    // the window needs no command line: building it (picocli's reflection) would delay the window
                    return DesktopLauncher.run(core, logFile, toolkit);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 130;
                }
            }
            Map<String, Supplier<Object>> bench = Map.of("bench", () -> new org.imageorganizer.bench.BenchCommand(
                    new BenchWiring(new Core(environment, variables, err, Settings.defaults()))));
            return RootCommand.forArguments(args, new CommandFactory(new CliWiring(core, readAhead)), bench)
                    .setExecutionExceptionHandler(new ErrorHandler(logFile))
                    .setErr(err)
                    .execute(args);
        }
    }
}
