package org.imageorganizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The EC2 template's UserData: it writes byte for byte the systemd unit and environment file that
 * installer/linux ships (the same files the Linux package installs), fits CloudFormation's 16 KB, runs
 * at every boot, leaves every ${...} to the header that Fn::Sub fills, and passes shellcheck.
 */
@Tag("deploy")
class Ec2UserDataTest {
    private static final Path TEMPLATE = Path.of("cloudformation", "ec2.yaml");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9:.]+)}");
    private static String userData;
    private static String script;

    @BeforeAll
    static void readUserData() throws IOException {
        Map<?, ?> resources = (Map<?, ?>) CfnTemplateLoader.load(TEMPLATE).get("Resources");
        Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) resources.get("Instance")).get("Properties");
        Map<?, ?> base64 = (Map<?, ?>) ((Map<?, ?>) properties.get("UserData")).get("Fn::Base64");
        userData = (String) base64.get("Fn::Sub");
        script = mimePart(userData, "text/x-shellscript");
    }

    @Test
    void writesTheSystemdUnitThatInstallerLinuxShips() throws IOException {
        assertThat(heredoc(script, "UNIT")).as("the unit between <<'UNIT' and UNIT in " + TEMPLATE
                        + ": copy installer/linux/image-organizer-server.service there")
                .isEqualTo(Files.readString(Path.of("installer/linux/image-organizer-server.service"), StandardCharsets.UTF_8));
        assertThat(script).contains("install -m 0644 \"$unit_new\" /etc/systemd/system/image-organizer-server.service",
                "systemctl enable image-organizer-server.service");
    }

    @Test
    void writesTheEnvironmentFileThatInstallerLinuxShips() throws IOException {
        assertThat(heredoc(script, "ENV")).as("the environment file between <<'ENV' and ENV in " + TEMPLATE
                        + ": copy installer/linux/server.env there")
                .isEqualTo(Files.readString(Path.of("installer/linux/server.env"), StandardCharsets.UTF_8));
        assertThat(script).contains("chown root:image-organizer \"$env_new\"", "chmod 0640 \"$env_new\"",
                "mv -f \"$env_new\" \"$conf/server.env\"", "conf=/etc/image-organizer");
    }

    @Test
    void runsAtEveryBootAndFitsTheLimit() {
        assertThat(mimePart(userData, "text/cloud-config")).contains("- [scripts-user, always]");
        assertThat(userData.getBytes(StandardCharsets.UTF_8).length).as("UserData bytes (CloudFormation allows 16 KB)")
                .isLessThan(16 * 1024);
    }

    @Test
    void leavesEveryFnSubVariableToTheHeader() {
        Matcher m = SUB_VARIABLE.matcher(script);
        while (m.find()) {
            int lineStart = script.lastIndexOf('\n', m.start()) + 1;
            String line = script.substring(lineStart, script.indexOf('\n', m.start()));
            assertThat(line).as("a ${...} outside the header is filled by Fn::Sub, not by the shell: write $name")
                    .matches("[a-z_0-9]+='\\$\\{[A-Za-z0-9:]+}'");
        }
    }

    @Test
    void passesShellcheck() throws Exception {
        ShellCheck shellcheck = new ShellCheck(DeployTools.requireShellcheck());
        String filled = SUB_VARIABLE.matcher(script).replaceAll(m -> "SUB_" + m.group(1).replace(':', '_').replace('.', '_'));

        assertThat(shellcheck.checkText(filled, "bash")).as("shellcheck on the UserData script of " + TEMPLATE).isEmpty();
    }

    /** The body of the MIME part with the given content type. */
    private static String mimePart(String mime, String contentType) {
        int header = mime.indexOf("Content-Type: " + contentType);
        assertThat(header).as(contentType + " part").isNotNegative();
        int body = mime.indexOf("\n\n", header) + 2;
        int end = mime.indexOf("\n--//", body);
        return mime.substring(body, end + 1);
    }

    /** What a quoted here-document <<'MARK' ... MARK writes. */
    private static String heredoc(String text, String mark) {
        int start = text.indexOf("<<'" + mark + "'\n");
        assertThat(start).as("<<'" + mark + "' in the UserData").isNotNegative();
        int body = text.indexOf('\n', start) + 1;
        int end = text.indexOf("\n" + mark + "\n", body - 1);
        assertThat(end).as("the line " + mark + " ending the here-document").isGreaterThanOrEqualTo(body - 1);
        return text.substring(body, end + 1);
    }
}
