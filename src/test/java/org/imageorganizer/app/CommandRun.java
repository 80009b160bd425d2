package org.imageorganizer.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.imageorganizer.cli.CommandFactory;
import org.imageorganizer.cli.ErrorHandler;
import org.imageorganizer.cli.RootCommand;
import org.imageorganizer.config.Environment;

/**
 * One run of the real command line, in process, wired as {@code Main} wires it (a read-only command's library read
 * ahead included); what it printed and returned.
 */
record CommandRun(int exitCode, String out, String err) {
    /** Runs {@code args} with the per-user folders of {@code environment} and the given environment variables. */
    static CommandRun of(Environment environment, Map<String, String> variables, String... args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        PrintWriter errWriter = new PrintWriter(errText, true);
        try (LibraryReadAhead readAhead = LibraryReadAhead.start(args, environment, variables)) {
            CliWiring wiring = new CliWiring(new Core(environment, variables, errWriter), readAhead);
            int code = RootCommand.forArguments(args, new CommandFactory(wiring), Map.of())
                    .setExecutionExceptionHandler(new ErrorHandler(environment.logDir().resolve("image-organizer.log")))
                    .setOut(new PrintWriter(outText, true))
                    .setErr(errWriter)
                    .execute(args);
            return new CommandRun(code, outText.toString(), errText.toString());
        }
    }

    /** The folders of a test's home: {@code data}, {@code cache}, {@code config} and {@code logs} below it. */
    static Environment home(Path home) {
        return new Environment(home.resolve("data"), home.resolve("cache"), home.resolve("config"), home.resolve("logs"));
    }
}
