package org.imageorganizer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code download-model}: fetches the published CLIP variants into the per-user model cache and
 * exits, so that a server or an installation can be prepared before it is used (or offline later).
 */
@Command(name = "download-model", mixinStandardHelpOptions = true,
        description = "Download the CLIP model into the per-user model cache (checked against pinned "
                + "SHA-256 checksums; resumes after a broken connection) and exit.")
final class DownloadModelCommand implements Callable<Integer> {
    private final CliServices services;

    @Spec
    CommandSpec spec;

    @Option(names = "--precision", paramLabel = "P", description = "Which variants: auto (every published one), "
            + "fp32 or int8 (default from settings: auto).")
    String precision;

    DownloadModelCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        Map<Path, String> folders = services.downloadModels(precision);
        PrintWriter out = spec.commandLine().getOut();
        folders.forEach((folder, modelId) -> out.println(modelId + "\t" + folder));
        out.flush();
        return 0;
    }
}
