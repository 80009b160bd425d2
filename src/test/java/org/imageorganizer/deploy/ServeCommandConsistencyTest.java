package org.imageorganizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The container, the systemd unit and the README run the same server command: the Dockerfile's
 * ENTRYPOINT and CMD go through installer/container/entrypoint.sh to {@code image-organizer-cli serve},
 * which is the unit's ExecStart and the command the README documents (tagged by the comment
 * {@code <!-- serve-command -->}), with the same IMAGE_ORGANIZER_HOME, IMAGE_ORGANIZER_HOST and PORT as
 * the image's ENV and installer/linux/server.env. ServerLayoutIT runs that command from the built folder.
 */
@Tag("deploy")
class ServeCommandConsistencyTest {
    static final String LAUNCHER = "/opt/image-organizer/bin/image-organizer-cli";
    private static final List<String> SETTINGS = List.of("IMAGE_ORGANIZER_HOME", "IMAGE_ORGANIZER_HOST", "PORT");

    /** The README's documented server command: its environment assignments and its words. */
    record DocumentedCommand(Map<String, String> environment, List<String> command) {
    }

    static DocumentedCommand readmeCommand() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int marker = readme.indexOf("<!-- serve-command -->");
        assertThat(marker).as("the README's <!-- serve-command --> marker").isNotNegative();
        int fence = readme.indexOf("```", marker);
        int start = readme.indexOf('\n', fence) + 1;
        String block = readme.substring(start, readme.indexOf("```", start)).replace("\\\n", " ");
        String line = block.lines().filter(l -> l.contains("image-organizer-cli")).findFirst().orElseThrow().strip();
        Map<String, String> environment = new LinkedHashMap<>();
        List<String> command = new ArrayList<>();
        for (String word : line.split("\\s+")) {
            Matcher assignment = Pattern.compile("([A-Z_]+)=(.*)").matcher(word);
            if (command.isEmpty() && assignment.matches()) {
                environment.put(assignment.group(1), assignment.group(2));
            } else {
                command.add(word);
            }
        }
        return new DocumentedCommand(environment, command);
    }

    @Test
    void theContainerRunsTheCommandTheReadmeDocuments() throws IOException {
        List<String> dockerfile = logicalLines(Path.of("Dockerfile"));
        List<String> finalStage = dockerfile.subList(lastIndexStartingWith(dockerfile, "FROM "), dockerfile.size());
        String entrypoint = instruction(finalStage, "ENTRYPOINT");
        String cmd = instruction(finalStage, "CMD");
        assertThat(entrypoint).isEqualTo("[\"/opt/image-organizer/bin/container-entrypoint\"]");
        assertThat(cmd).isEqualTo("[\"serve\"]");
        assertThat(finalStage).contains(
                "COPY --chmod=0755 installer/container/entrypoint.sh /opt/image-organizer/bin/container-entrypoint");
        // the entry point runs image-organizer-cli beside it with the container's command
        List<String> script = Files.readAllLines(Path.of("installer/container/entrypoint.sh"), StandardCharsets.UTF_8)
                .stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertThat(script).contains("bin=$(dirname -- \"$0\")");
        assertThat(script.get(script.size() - 1)).isEqualTo("exec \"$bin/image-organizer-cli\" \"$@\"");

        DocumentedCommand documented = readmeCommand();
        assertThat(documented.command()).containsExactly(LAUNCHER, "serve");
        Map<String, String> imageEnvironment = environment(finalStage);
        for (String setting : SETTINGS) {
            assertThat(imageEnvironment).as("the image's ENV").containsEntry(setting, documented.environment().get(setting));
        }
        assertThat(documented.environment()).containsKey("IMAGE_ORGANIZER_API_KEY");
    }

    @Test
    void theSystemdUnitRunsTheSameCommandWithTheSameSettings() throws IOException {
        DocumentedCommand documented = readmeCommand();
        List<String> unit = Files.readAllLines(Path.of("installer/linux/image-organizer-server.service"), StandardCharsets.UTF_8);
        assertThat(unit).contains("ExecStart=" + String.join(" ", documented.command()));

        Map<String, String> serverEnv = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("installer/linux/server.env"), StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                serverEnv.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        for (String setting : SETTINGS) {
            assertThat(serverEnv).as("installer/linux/server.env").containsEntry(setting, documented.environment().get(setting));
        }
    }

    @Test
    void theHealthChecksProbeHealth() throws IOException {
        String dockerfile = String.join("\n", logicalLines(Path.of("Dockerfile")));
        assertThat(dockerfile).contains("HEALTHCHECK").contains("curl -fsS \"http://127.0.0.1:${PORT}/health\"");
        assertThat(Files.readString(Path.of("cloudformation/ecs-fargate.yaml")))
                .contains("curl -fsS http://127.0.0.1:8080/health", "HealthCheckPath: /health");
        assertThat(Files.readString(Path.of("cloudformation/apprunner.yaml"))).contains("Path: /health");
    }

    /** Dockerfile lines with their continuation lines joined and comments dropped. */
    private static List<String> logicalLines(Path dockerfile) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : Files.readAllLines(dockerfile, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.startsWith("#") || line.isEmpty() && current.length() == 0) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
            } else {
                lines.add(current.append(line).toString().replaceAll("\\s+", " ").strip());
                current.setLength(0);
            }
        }
        return lines;
    }

    private static int lastIndexStartingWith(List<String> lines, String prefix) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no " + prefix + "line");
    }

    private static String instruction(List<String> lines, String name) {
        return lines.get(lastIndexStartingWith(lines, name + " ")).substring(name.length() + 1).strip();
    }

    /** The ENV instructions' KEY=value pairs (values without spaces or quotes, as this Dockerfile writes them). */
    private static Map<String, String> environment(List<String> lines) {
        Map<String, String> environment = new LinkedHashMap<>();
        lines.stream().filter(l -> l.startsWith("ENV ")).forEach(l -> Arrays.stream(l.substring(4).split(" "))
                .map(pair -> pair.split("=", 2)).filter(kv -> kv.length == 2).forEach(kv -> environment.put(kv[0], kv[1])));
        return environment;
    }
}
