package org.imageorganizer.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's shellcheck on files or on a script given as text; the result is its report, empty when clean. */
final class ShellCheck {
    private final String executable;

    ShellCheck(String executable) {
        this.executable = executable;
    }

    String checkFiles(List<Path> scripts) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable, "--external-sources"));
        scripts.forEach(p -> command.add(p.toString()));
        return run(command, null);
    }

    /** A script read from standard input, in the given shell dialect (sh, bash). */
    String checkText(String script, String shell) throws IOException, InterruptedException {
        return run(List.of(executable, "--shell=" + shell, "-"), script);
    }

    private static String run(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("shellcheck did not finish within 2 minutes");
        }
        if (process.exitValue() != 0 && report.isBlank()) {
            return "shellcheck exited with " + process.exitValue() + " and said nothing";
        }
        return process.exitValue() == 0 ? "" : report;
    }
}
