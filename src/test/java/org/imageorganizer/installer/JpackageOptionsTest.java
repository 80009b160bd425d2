package org.imageorganizer.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jpackage option files that installer/package.sh passes: every file they name exists, each
 * system has its name and icon, and the Linux layout is the one the systemd unit starts.
 */
class JpackageOptionsTest {
    private static final Path JPACKAGE = Path.of("jpackage");
    private static final Path LINUX_UNIT = Path.of("installer/linux/image-organizer-server.service");

    private static List<ArgFile> allArgFiles() throws IOException {
        List<ArgFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(JPACKAGE)) {
            paths.filter(p -> p.toString().endsWith(".args")).sorted().forEach(p -> files.add(ArgFile.read(p)));
        }
        return files;
    }

    private static ArgFile args(String name) {
        return ArgFile.read(JPACKAGE.resolve(name));
    }

    @Test
    void everyFileAnOptionNamesExists() throws IOException {
        List<ArgFile> files = allArgFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        for (ArgFile file : files) {
            for (String option : List.of("--icon", "--license-file")) {
                for (String value : file.values(option)) {
                    assertThat(Path.of(value)).as("%s %s in %s", option, value, file.path()).isRegularFile();
                }
            }
            for (String launcher : file.values("--add-launcher")) {
                Path properties = Path.of(launcher.substring(launcher.indexOf('=') + 1));
                assertThat(properties).as("--add-launcher in %s", file.path()).isRegularFile();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux:.png", "windows:.ico", "macos:.icns"})
    void eachSystemNamesItsAppAndItsKindOfIcon(String systemAndIcon) {
        String system = systemAndIcon.substring(0, systemAndIcon.indexOf(':'));
        ArgFile common = args(system + "/common.args");

        assertThat(common.value("--name")).isNotBlank();
        assertThat(common.value("--icon")).endsWith(systemAndIcon.substring(system.length() + 1));
    }

    @Test
    void theLinuxPackageInstallsTheCommandLineLauncherWhereTheServerUnitStartsIt() throws IOException {
        ArgFile installer = args("linux/installer.args");
        String launcher = args("linux/app-image.args").value("--add-launcher");
        String cliName = launcher.substring(0, launcher.indexOf('='));
        String installed = installer.value("--install-dir") + "/" + installer.value("--linux-package-name")
                + "/bin/" + cliName;

        String execStart = Files.readAllLines(LINUX_UNIT).stream()
                .filter(line -> line.startsWith("ExecStart="))
                .findFirst().orElseThrow();
        assertThat(execStart).startsWith("ExecStart=" + installed + " ");
        assertThat(Files.readString(Path.of("installer/linux/server-setup.sh"))).contains("launcher=" + installed + "\n");
        assertThat(Files.readString(JPACKAGE.resolve("linux/resources/postinst")))
                .contains("/opt/" + installer.value("--linux-package-name") + "/lib/server/server-setup.sh install");
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux", "windows", "macos"})
    void theCommandLineLauncherIsAConsoleProgramWithoutMenuEntries(String system) throws IOException {
        String launcher = args(system + "/app-image.args").value("--add-launcher");
        Properties properties = cliProperties(system);

        assertThat(launcher).startsWith("image-organizer-cli=");
        assertThat(properties).containsEntry("win-console", "true")
                .containsEntry("win-menu", "false")
                .containsEntry("linux-shortcut", "false")
                .containsEntry("arguments", "--help");
        // JDK 17 makes a menu entry for it all the same: its desktop file hides it
        assertThat(Files.readString(JPACKAGE.resolve("linux/resources").resolve(launcher.substring(0, launcher.indexOf('=')) + ".desktop")))
                .contains("NoDisplay=true");
    }

    /** ADR 0027: the window's launcher shows the splash; the command-line launcher never does, and keeps libtorch's options. */
    @ParameterizedTest
    @ValueSource(strings = {"linux", "windows", "macos"})
    void onlyTheWindowLauncherShowsTheSplashWhichTheStagingPutsInTheAppFolder(String system) throws IOException {
        ArgFile appImage = args("app-image.args");
        assertThat(appImage.values("--java-options")).contains("-splash:$APPDIR/splash.png");
        assertThat(Files.readString(Path.of("installer/package.sh")))
                .contains("cp src/main/resources/org/imageorganizer/ui/icons/splash.png \"$out/input/\"");
        assertThat(Path.of("src/main/resources/org/imageorganizer/ui/icons/splash.png")).isRegularFile();

        List<String> cliOptions = List.of(cliProperties(system).getProperty("java-options", "").split(" "));
        assertThat(cliOptions).doesNotContain("-splash:$APPDIR/splash.png").contains("-Djava.awt.headless=true");
        // its java-options replace the window launcher's: those it needs are repeated
        List<String> windowOptions = new ArrayList<>(appImage.values("--java-options"));
        windowOptions.addAll(args(system + "/app-image.args").values("--java-options"));
        for (String option : windowOptions) {
            if (!option.startsWith("-splash:")) {
                assertThat(cliOptions).as("the command-line launcher's Java options").contains(option);
            }
        }
    }

    /**
     * ADR 0030: on Linux both launchers map the runtime's base archive and the installation's dynamic one, which
     * the packages' post-install steps make (and their removal steps delete), silently when it is missing or
     * stale; jlink makes the base archive, which needs the runtime's bin/java. Elsewhere only the base archive,
     * which the JVM maps by itself.
     */
    @Test
    void theLinuxLaunchersMapTheBaseArchiveAndTheDynamicOneThePackagesMake() throws IOException {
        String archive = "-XX:SharedArchiveFile=$APPDIR/../runtime/lib/server/classes.jsa:$APPDIR/image-organizer.jsa";
        List<String> quiet = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        assertThat(args("linux/app-image.args").values("--java-options")).contains(archive).containsAll(quiet);
        assertThat(cliProperties("linux").getProperty("java-options").split(" ")).contains(archive).contains(quiet.toArray(String[]::new));
        for (String system : List.of("windows", "macos")) {
            assertThat(cliProperties(system).getProperty("java-options")).doesNotContain("SharedArchiveFile");
            assertThat(args(system + "/app-image.args").values("--java-options")).isEmpty();
        }

        String script = Files.readString(Path.of("installer/linux/cds-archive.sh"));
        // the training run takes the class path and options of the command-line launcher's .cfg, which jpackage names after it
        String cli = args("linux/app-image.args").value("--add-launcher");
        assertThat(script).contains("archive=$app/image-organizer.jsa", "java=$root/lib/runtime/bin/java",
                "cfg=$app/" + cli.substring(0, cli.indexOf('=')) + ".cfg", "-cp \"$classpath\" \"$main\" cds-training");
        assertThat(Files.readString(Path.of("installer/linux/prepare-image.sh"))).contains("\"$here/cds-archive.sh\" \"$image/lib/\"");
        Path resources = JPACKAGE.resolve("linux/resources");
        assertThat(Files.readString(resources.resolve("postinst"))).contains("sh /opt/image-organizer/lib/cds-archive.sh make");
        assertThat(Files.readString(resources.resolve("prerm"))).contains("sh /opt/image-organizer/lib/cds-archive.sh remove");
        String spec = Files.readString(resources.resolve(args("linux/installer.args").value("--linux-package-name") + ".spec"));
        assertThat(spec).contains("sh /opt/image-organizer/lib/cds-archive.sh make", "sh /opt/image-organizer/lib/cds-archive.sh remove");

        String packaging = String.join("\n", Files.readAllLines(Path.of("installer/package.sh")).stream()
                .filter(line -> !line.strip().startsWith("#")).toList());
        assertThat(packaging).contains("--generate-cds-archive").doesNotContain("--strip-native-commands");
    }

    /** The command-line launcher's properties on a system. */
    private static Properties cliProperties(String system) throws IOException {
        String launcher = args(system + "/app-image.args").value("--add-launcher");
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(launcher.substring(launcher.indexOf('=') + 1)))) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void theWindowsUpgradeCodeIsAFixedUuid() {
        String uuid = args("windows/installer.args").value("--win-upgrade-uuid");

        assertThat(UUID.fromString(uuid)).hasToString(uuid);
    }

    @Test
    void theMacInfoPlistIsWellFormedAndShowsTheRealVersion() throws Exception {
        Path plist = JPACKAGE.resolve("macos/resources/Info.plist");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);

        assertThat(factory.newDocumentBuilder().parse(plist.toFile()).getDocumentElement().getTagName()).isEqualTo("plist");
        assertThat(Files.readString(plist)).contains("<string>@APP_VERSION@</string>");
    }
}
