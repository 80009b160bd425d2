package org.imageorganizer.ui.theme;

import java.util.Locale;
import java.util.Optional;

/**
 * What the user chose for the window's look (settings.json key {@code theme}): follow the operating
 * system, or always light, or always dark.
 */
public enum ThemeChoice {
    SYSTEM,
    LIGHT,
    DARK;

    /** The value in settings.json: system, light or dark. */
    public String settingsValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The choice a settings or environment value names; empty for nothing, blanks and anything else. */
    public static Optional<ThemeChoice> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "system", "auto" -> Optional.of(SYSTEM);
            case "light" -> Optional.of(LIGHT);
            case "dark" -> Optional.of(DARK);
            default -> Optional.empty();
        };
    }
}
