package org.imageorganizer.ui.theme;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the window's colour scheme: the environment variable {@value #VARIABLE} (light or dark)
 * wins over the {@code theme} setting; {@code system} asks the operating system, and light is the
 * answer when it cannot say.
 */
public final class ThemeResolver {
    /** The environment variable that overrides the setting (the screenshot script uses it). */
    public static final String VARIABLE = "IMAGE_ORGANIZER_THEME";
    private static final Logger LOG = LoggerFactory.getLogger(ThemeResolver.class);

    private final Map<String, String> env;
    private final Supplier<Optional<ColorScheme>> system;

    /**
     * @param env    the process environment
     * @param system asks the operating system for its scheme (may take a moment: never called on the FX thread)
     */
    public ThemeResolver(Map<String, String> env, Supplier<Optional<ColorScheme>> system) {
        this.env = Map.copyOf(env);
        this.system = system;
    }

    /** What decides the look: the environment variable when it names one, else the setting ({@code null}: system). */
    public ThemeChoice choice(String setting) {
        String override = env.get(VARIABLE);
        if (override != null && !override.isBlank()) {
            Optional<ThemeChoice> chosen = ThemeChoice.parse(override);
            if (chosen.isPresent()) {
                return chosen.get();
            }
            LOG.warn("{}={} is not light, dark or system; the theme setting decides", VARIABLE, override);
        }
        return ThemeChoice.parse(setting).orElse(ThemeChoice.SYSTEM);
    }

    /** The scheme to show for the {@code theme} setting (may ask the operating system). */
    public ColorScheme resolve(String setting) {
        return switch (choice(setting)) {
            case LIGHT -> ColorScheme.LIGHT;
            case DARK -> ColorScheme.DARK;
            case SYSTEM -> system.get().orElse(ColorScheme.LIGHT);
        };
    }
}
