package org.imageorganizer.ui.theme;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the operating system whether the user prefers dark windows; JavaFX 21 has no API for it
 * (ADR 0052). Each platform is asked its own way, with a short timeout per command:
 * <ul>
 *   <li>Linux and other freedesktop systems: the XDG desktop portal's {@code org.freedesktop.appearance
 *       color-scheme} (GNOME, KDE and others), then GNOME's {@code color-scheme} setting, then a GTK theme
 *       whose name ends in "-dark";</li>
 *   <li>Windows: {@code AppsUseLightTheme} in the registry (0: dark);</li>
 *   <li>macOS: {@code AppleInterfaceStyle} (Dark; absent when light).</li>
 * </ul>
 * Empty when the system does not say. Never call it on the FX thread: a command may take up to its timeout.
 */
public final class SystemColorScheme implements Supplier<Optional<ColorScheme>> {
    static final Duration TIMEOUT = Duration.ofMillis(1500);
    static final List<String> PORTAL = List.of("gdbus", "call", "--session", "--timeout", "1",
            "--dest", "org.freedesktop.portal.Desktop", "--object-path", "/org/freedesktop/portal/desktop",
            "--method", "org.freedesktop.portal.Settings.Read", "org.freedesktop.appearance", "color-scheme");
    static final List<String> GNOME_SCHEME = List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme");
    static final List<String> GTK_THEME = List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme");
    static final List<String> WINDOWS = List.of("reg", "query",
            "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v", "AppsUseLightTheme");
    static final List<String> MAC = List.of("defaults", "read", "-g", "AppleInterfaceStyle");

    private static final Pattern PORTAL_VALUE = Pattern.compile("uint32\\s+(\\d+)");
    private static final Pattern REG_VALUE = Pattern.compile("AppsUseLightTheme\\s+REG_DWORD\\s+0x([0-9a-fA-F]+)");

    private final CommandRunner commands;
    private final String osName;

    /** Asks this computer's operating system. */
    public static SystemColorScheme ofThisComputer() {
        return new SystemColorScheme(new ProcessCommandRunner(), System.getProperty("os.name", ""));
    }

    public SystemColorScheme(CommandRunner commands, String osName) {
        this.commands = commands;
        this.osName = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
    }

    /** The scheme the user prefers, or empty when the system does not say. */
    @Override
    public Optional<ColorScheme> get() {
        if (osName.startsWith("windows")) {
            return commands.run(WINDOWS, TIMEOUT).flatMap(SystemColorScheme::fromWindowsRegistry);
        }
        if (osName.startsWith("mac") || osName.contains("darwin")) {
            // "defaults" exits with 1 when the key is absent, which is what light mode looks like
            return Optional.of(commands.run(MAC, TIMEOUT).map(SystemColorScheme::fromMacDefaults).orElse(ColorScheme.LIGHT));
        }
        Optional<ColorScheme> portal = commands.run(PORTAL, TIMEOUT).flatMap(SystemColorScheme::fromPortal);
        if (portal.isPresent()) {
            return portal;
        }
        Optional<ColorScheme> gnome = commands.run(GNOME_SCHEME, TIMEOUT).flatMap(SystemColorScheme::fromGnomeColorScheme);
        if (gnome.isPresent()) {
            return gnome;
        }
        return commands.run(GTK_THEME, TIMEOUT).flatMap(SystemColorScheme::fromGtkTheme);
    }

    /**
     * The portal's answer, {@code (<<uint32 1>>,)} (or {@code (<uint32 1>,)} from ReadOne): 1 prefers dark,
     * 2 prefers light, 0 has no preference (empty: ask on).
     */
    static Optional<ColorScheme> fromPortal(String output) {
        Matcher m = PORTAL_VALUE.matcher(output == null ? "" : output);
        if (!m.find()) {
            return Optional.empty();
        }
        return switch (m.group(1)) {
            case "1" -> Optional.of(ColorScheme.DARK);
            case "2" -> Optional.of(ColorScheme.LIGHT);
            default -> Optional.empty();
        };
    }

    /** GNOME's {@code color-scheme}: 'prefer-dark', 'prefer-light' or 'default' (empty: ask on, an older GNOME may say it in the GTK theme). */
    static Optional<ColorScheme> fromGnomeColorScheme(String output) {
        String value = unquote(output);
        return switch (value) {
            case "prefer-dark" -> Optional.of(ColorScheme.DARK);
            case "prefer-light" -> Optional.of(ColorScheme.LIGHT);
            default -> Optional.empty();
        };
    }

    /** A GTK theme such as 'Adwaita-dark' or 'Yaru-dark' is dark; any other named theme is light. */
    static Optional<ColorScheme> fromGtkTheme(String output) {
        String value = unquote(output).toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(value.endsWith("-dark") || value.endsWith(":dark") ? ColorScheme.DARK : ColorScheme.LIGHT);
    }

    /** {@code reg query}'s line {@code AppsUseLightTheme    REG_DWORD    0x0}: 0 is dark, anything else light. */
    static Optional<ColorScheme> fromWindowsRegistry(String output) {
        Matcher m = REG_VALUE.matcher(output == null ? "" : output);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(m.group(1), 16) == 0 ? ColorScheme.DARK : ColorScheme.LIGHT);
    }

    /** {@code defaults read -g AppleInterfaceStyle} prints "Dark" in dark mode. */
    static ColorScheme fromMacDefaults(String output) {
        return output != null && output.strip().equalsIgnoreCase("dark") ? ColorScheme.DARK : ColorScheme.LIGHT;
    }

    private static String unquote(String output) {
        String value = output == null ? "" : output.strip();
        if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'") || value.startsWith("\"") && value.endsWith("\""))) {
            value = value.substring(1, value.length() - 1);
        }
        return value.strip();
    }
}
