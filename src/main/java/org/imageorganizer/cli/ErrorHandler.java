package org.imageorganizer.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.imageorganizer.model.ExplainedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns failures into one clear line on stderr (the stack trace goes to the log file only). */
public final class ErrorHandler implements IExecutionExceptionHandler {
    /** Exit code for problems with arguments, model, database or settings. */
    public static final int USER_ERROR = 2;
    /** Exit code for bugs. */
    public static final int INTERNAL_ERROR = 70;

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);
    private final Path logFile;

    public ErrorHandler(Path logFile) {
        this.logFile = logFile;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        String message = userMessage(e);
        if (message != null) {
            LOG.warn("{} failed: {}", command.getCommandName(), message, e);
            command.getErr().println("error: " + message);
            command.getErr().flush();
            return USER_ERROR;
        }
        LOG.error("{} failed unexpectedly", command.getCommandName(), e);
        command.getErr().println("error: something went wrong (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""))
                + "). Details are in " + logFile + ".");
        command.getErr().flush();
        return INTERNAL_ERROR;
    }

    static String userMessage(Throwable e) {
        if (e instanceof ExplainedException || e instanceof UncheckedIOException) {
            return e.getMessage();
        }
        return null;
    }
}
