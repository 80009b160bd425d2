package org.imageorganizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every shell script of the project passes Debian's shellcheck: the *.sh files and the files that start
 * with a sh or bash #! line (.ci/run, the server launcher), wherever they are. The EC2 template's
 * UserData script is checked by {@link Ec2UserDataTest}.
 */
@Tag("deploy")
class ShellScriptsTest {
    /** Build output, dependencies and the Maven Wrapper's own script (generated, not ours). */
    private static final Set<String> SKIPPED = Set.of(".git", "target", "node_modules", "mvnw");
    private static final Pattern SHELL_SHEBANG = Pattern.compile("#!\\s*(/usr/bin/env\\s+)?(/usr)?(/bin/)?(ba|da)?sh(\\s.*)?");

    @Test
    void everyShellScriptPassesShellcheck() throws Exception {
        ShellCheck shellcheck = new ShellCheck(DeployTools.requireShellcheck());
        List<Path> scripts = shellScripts(Path.of("."));
        assertThat(scripts).extracting(p -> p.normalize().toString().replace('\\', '/'))
                .contains("installer/server/image-organizer-cli", "installer/container/entrypoint.sh",
                        "installer/container-smoke.sh", ".ci/run", "scripts/desktop-drop-check.sh",
                        "scripts/window-screenshots.sh", "scripts/xvfb-window.sh");

        assertThat(shellcheck.checkFiles(scripts)).as("shellcheck on " + scripts).isEmpty();
    }

    @Test
    void shellcheckFindsAFault() throws Exception {
        ShellCheck shellcheck = new ShellCheck(DeployTools.requireShellcheck());

        assertThat(shellcheck.checkText("#!/bin/sh\nrm -rf $1/cache\n", "sh")).contains("SC2086");
    }

    static List<Path> shellScripts(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> root.relativize(p).toString().isEmpty() || !skipped(root.relativize(p)))
                    .filter(Files::isRegularFile)
                    .filter(ShellScriptsTest::isShellScript)
                    .sorted()
                    .toList();
        }
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isShellScript(Path file) {
        if (file.getFileName().toString().endsWith(".sh")) {
            return true;
        }
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64);
            String firstLine = new String(head, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
            return SHELL_SHEBANG.matcher(firstLine).matches();
        } catch (IOException e) {
            return false;
        }
    }
}
