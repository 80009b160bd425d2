package org.imageorganizer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cds-training} (hidden): the training run of a class-data-sharing archive (ADR 0030). Run under
 * {@code java -XX:ArchiveClassesAtExit=FILE}, it does what users' commands do, so that the JVM archives the
 * classes they load: the library is created (Flyway, Hibernate) and filled, {@code organize} imports a few
 * generated photos with the model when one is given or found (and once more, when all are known),
 * {@code tree}, {@code list}, {@code list --json} and {@code export --dry-run} read it through the plain-JDBC
 * reader, and the REST server starts on a free loopback port, answers what the web page asks, and stops.
 * {@code app} runs the whole command in a scratch folder it deletes afterwards: the user's library, settings
 * and caches are never opened. The commands' output goes nowhere; one line on stderr says what ran.
 */
@Command(name = CdsTrainingCommand.NAME, hidden = true, mixinStandardHelpOptions = true,
        description = "The training run of a class-data-sharing archive (java -XX:ArchiveClassesAtExit=FILE -jar "
                + "image-organizer.jar " + CdsTrainingCommand.NAME + "): needs no photos, leaves nothing behind.")
public final class CdsTrainingCommand implements Callable<Integer> {
    /** The command's name. */
    public static final String NAME = "cds-training";

    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Option(names = "--model-dir", paramLabel = "DIR", description = "Model folder to import with; repeat it for one "
            + "folder per variant (default: $IMAGE_ORGANIZER_MODEL_DIR, else the downloaded model; none: no import).")
    List<Path> modelDirs = new ArrayList<>();

    CdsTrainingCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        StringWriter said = new StringWriter(); // the commands' stderr: shown only when one fails
        CommandLine commands = RootCommand.commandLine(new CommandFactory(services))
                .setExecutionExceptionHandler(spec.root().commandLine().getExecutionExceptionHandler())
                .setOut(new PrintWriter(Writer.nullWriter())).setErr(new PrintWriter(said, true));
        CliServices.Training training = services.startTraining(modelDirs);
        String db = training.library().toString();
        List<String> organize = new ArrayList<>(List.of("organize", training.photos().toString(), "--db", db,
                "--views", "1"));
        training.modelDirs().forEach(dir -> organize.addAll(List.of("--model-dir", dir.toString())));
        if (training.modelDirs().isEmpty()) {
            training.fillWithoutModel();
        } else {
            run(commands, said, organize); // new photos: the model loads, every photo is embedded
            run(commands, said, organize); // the same again: every file is skipped unread
        }
        run(commands, said, List.of("tree", "--db", db));
        run(commands, said, List.of("list", "--db", db));
        run(commands, said, List.of("list", "--json", "--db", db));
        run(commands, said, List.of("export", training.photos().resolveSibling("export").toString(), "--dry-run", "--db", db));
        training.serveOnce();
        PrintWriter err = spec.commandLine().getErr();
        err.println("Training run done (" + (training.modelDirs().isEmpty() ? "without a model" : "with the model "
                + String.join(", ", training.modelDirs().stream().map(Path::toString).toList())) + ").");
        err.flush();
        return 0;
    }

    private static void run(CommandLine commands, StringWriter said, List<String> args) {
        said.getBuffer().setLength(0);
        int code = commands.execute(args.toArray(String[]::new));
        if (code != 0) {
            throw new UserException("The training run's '" + String.join(" ", args) + "' failed (exit code " + code
                    + "): " + said.toString().strip());
        }
    }
}
