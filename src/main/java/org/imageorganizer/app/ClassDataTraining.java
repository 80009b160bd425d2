package org.imageorganizer.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.commons.io.file.PathUtils;
import org.imageorganizer.cli.CdsTrainingCommand;
import org.imageorganizer.config.ConfigurationSources;
import org.imageorganizer.config.Environment;

/**
 * How {@code Main} runs the class-data-sharing training run ({@code cds-training}, ADR 0030): the whole
 * process, its log and DJL's unpacked native libraries included, works in a new scratch folder that is
 * deleted when the command returns, and sees none of the user's environment variables but the model
 * folders found for the user. So the run never opens the user's library, settings or caches, cannot reach a
 * library server or a Cloudinary account named in the environment, and leaves nothing behind; the model
 * folders are only read. The archive is the JVM's ({@code -XX:ArchiveClassesAtExit}), written at exit.
 */
final class ClassDataTraining {
    private static final String OFFLINE_VARIABLE = "IMAGE_ORGANIZER_OFFLINE";

    private ClassDataTraining() {
    }

    /** Whether the command line asks for the training run. */
    static boolean wanted(String[] args) {
        return args.length > 0 && CdsTrainingCommand.NAME.equals(args[0]);
    }

    /**
     * Runs {@code command} with the folders of a new scratch folder and the training's variables, then
     * deletes the folder.
     *
     * @param user      the user's folders, where the model cache is looked for
     * @param variables the process's environment variables, where IMAGE_ORGANIZER_MODEL_DIR is looked for
     * @return the command's exit code; 1 when no scratch folder could be made
     */
    static int inScratchFolder(Environment user, Map<String, String> variables,
            BiFunction<Environment, Map<String, String>, Integer> command) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("image-organizer-cds-training-");
        } catch (IOException | RuntimeException e) {
            System.err.println("error: cannot make a scratch folder for the training run: " + e.getMessage());
            return 1;
        }
        try {
            return command.apply(scratchFolders(scratch), variables(user, variables));
        } finally {
            delete(scratch);
        }
    }

    /** Every folder in the scratch folder, the native libraries' shared cache too. */
    static Environment scratchFolders(Path scratch) {
        Path cache = scratch.resolve("cache");
        return new Environment(scratch.resolve("data"), cache, scratch.resolve("config"), scratch.resolve("logs"), cache);
    }

    /** The variables the run sees: offline, and IMAGE_ORGANIZER_MODEL_DIR naming the model folders found, if any. */
    static Map<String, String> variables(Environment user, Map<String, String> variables) {
        Map<String, String> only = new HashMap<>();
        only.put(OFFLINE_VARIABLE, "1");
        List<Path> found = ModelFolders.foundWithoutSettings(user, variables);
        if (!found.isEmpty()) {
            only.put(ConfigurationSources.MODEL_DIR_VARIABLE,
                    found.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        }
        return Map.copyOf(only);
    }

    /** Deletes the folder as far as it can (the caller closed the log file in it: Windows cannot delete an open file). */
    private static void delete(Path scratch) {
        try {
            PathUtils.deleteDirectory(scratch);
        } catch (IOException | RuntimeException e) {
            System.err.println("warning: the training run's scratch folder " + scratch + " was not removed whole: " + e);
        }
    }
}
