package org.imageorganizer.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SystemColorSchemeTest {

    /** Answers commands from a table, and remembers what was asked; a command not in the table is missing. */
    private static final class CannedCommands implements CommandRunner {
        final Map<List<String>, String> answers = new HashMap<>();
        final List<List<String>> asked = new ArrayList<>();

        CannedCommands answer(List<String> command, String output) {
            answers.put(command, output);
            return this;
        }

        @Override
        public Optional<String> run(List<String> command, Duration timeout) {
            asked.add(command);
            assertThat(timeout).isLessThanOrEqualTo(Duration.ofSeconds(2));
            return Optional.ofNullable(answers.get(command));
        }
    }

    @Test
    void theFreedesktopPortalSaysDarkLightOrNoPreference() {
        assertThat(SystemColorScheme.fromPortal("(<<uint32 1>>,)\n")).contains(ColorScheme.DARK);
        assertThat(SystemColorScheme.fromPortal("(<uint32 2>,)\n")).contains(ColorScheme.LIGHT);
        assertThat(SystemColorScheme.fromPortal("(<<uint32 0>>,)\n")).isEmpty();
        assertThat(SystemColorScheme.fromPortal("Error: GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown")).isEmpty();
        assertThat(SystemColorScheme.fromPortal("")).isEmpty();
    }

    @Test
    void gnomesColorSchemeSettingIsQuoted() {
        assertThat(SystemColorScheme.fromGnomeColorScheme("'prefer-dark'\n")).contains(ColorScheme.DARK);
        assertThat(SystemColorScheme.fromGnomeColorScheme("'prefer-light'\n")).contains(ColorScheme.LIGHT);
        assertThat(SystemColorScheme.fromGnomeColorScheme("'default'\n")).isEmpty();
        assertThat(SystemColorScheme.fromGnomeColorScheme("No such key “color-scheme”")).isEmpty();
    }

    @Test
    void aGtkThemeNamedDarkIsDark() {
        assertThat(SystemColorScheme.fromGtkTheme("'Adwaita-dark'\n")).contains(ColorScheme.DARK);
        assertThat(SystemColorScheme.fromGtkTheme("'Yaru-Dark'")).contains(ColorScheme.DARK);
        assertThat(SystemColorScheme.fromGtkTheme("'Adwaita'\n")).contains(ColorScheme.LIGHT);
        assertThat(SystemColorScheme.fromGtkTheme("''")).isEmpty();
    }

    @Test
    void windowsRegistryZeroMeansAppsUseTheDarkTheme() {
        String dark = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\r\n\r\n";
        String light = dark.replace("0x0", "0x1");
        assertThat(SystemColorScheme.fromWindowsRegistry(dark)).contains(ColorScheme.DARK);
        assertThat(SystemColorScheme.fromWindowsRegistry(light)).contains(ColorScheme.LIGHT);
        assertThat(SystemColorScheme.fromWindowsRegistry("ERROR: The system was unable to find the specified registry key or value.")).isEmpty();
    }

    @Test
    void macOsSaysDarkOrNothing() {
        assertThat(SystemColorScheme.fromMacDefaults("Dark\n")).isEqualTo(ColorScheme.DARK);
        assertThat(SystemColorScheme.fromMacDefaults("")).isEqualTo(ColorScheme.LIGHT);
        assertThat(SystemColorScheme.fromMacDefaults(null)).isEqualTo(ColorScheme.LIGHT);
    }

    @Test
    void linuxAsksThePortalFirst() {
        CannedCommands commands = new CannedCommands().answer(SystemColorScheme.PORTAL, "(<<uint32 1>>,)")
                .answer(SystemColorScheme.GNOME_SCHEME, "'prefer-light'");
        assertThat(new SystemColorScheme(commands, "Linux").get()).contains(ColorScheme.DARK);
        assertThat(commands.asked).containsExactly(SystemColorScheme.PORTAL);
    }

    @Test
    void linuxWithoutThePortalAsksGnomeThenTheGtkTheme() {
        CannedCommands gnome = new CannedCommands().answer(SystemColorScheme.GNOME_SCHEME, "'prefer-dark'");
        assertThat(new SystemColorScheme(gnome, "Linux").get()).contains(ColorScheme.DARK);

        CannedCommands olderGnome = new CannedCommands().answer(SystemColorScheme.PORTAL, "(<<uint32 0>>,)")
                .answer(SystemColorScheme.GNOME_SCHEME, "'default'").answer(SystemColorScheme.GTK_THEME, "'Adwaita-dark'");
        assertThat(new SystemColorScheme(olderGnome, "Linux").get()).contains(ColorScheme.DARK);
        assertThat(olderGnome.asked).containsExactly(SystemColorScheme.PORTAL, SystemColorScheme.GNOME_SCHEME,
                SystemColorScheme.GTK_THEME);
    }

    @Test
    void aLinuxWithoutAnyOfThemCannotSay() {
        assertThat(new SystemColorScheme(new CannedCommands(), "Linux").get()).isEmpty();
    }

    @Test
    void windowsAndMacAskTheirOwnCommands() {
        CannedCommands windows = new CannedCommands().answer(SystemColorScheme.WINDOWS, "    AppsUseLightTheme    REG_DWORD    0x0");
        assertThat(new SystemColorScheme(windows, "Windows 11").get()).contains(ColorScheme.DARK);
        assertThat(windows.asked).containsExactly(SystemColorScheme.WINDOWS);

        CannedCommands darkMac = new CannedCommands().answer(SystemColorScheme.MAC, "Dark\n");
        assertThat(new SystemColorScheme(darkMac, "Mac OS X").get()).contains(ColorScheme.DARK);
        // light mode: the key is absent and "defaults" fails
        assertThat(new SystemColorScheme(new CannedCommands(), "Mac OS X").get()).contains(ColorScheme.LIGHT);
    }

    @Test
    void aRealCommandThatIsMissingOrTooSlowGivesNothing() {
        ProcessCommandRunner runner = new ProcessCommandRunner();
        assertThat(runner.run(List.of("no-such-command-for-the-theme-test"), Duration.ofSeconds(1))).isEmpty();
        assertThat(runner.run(List.of("sleep", "5"), Duration.ofMillis(200))).isEmpty();
        assertThat(runner.run(List.of("echo", "'prefer-dark'"), Duration.ofSeconds(5))).contains("'prefer-dark'\n");
        assertThat(runner.run(List.of("false"), Duration.ofSeconds(5))).isEmpty();
    }
}
