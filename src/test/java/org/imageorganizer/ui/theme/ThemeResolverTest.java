package org.imageorganizer.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ThemeResolverTest {
    private final AtomicInteger asked = new AtomicInteger();

    private Supplier<Optional<ColorScheme>> system(ColorScheme answer) {
        return () -> {
            asked.incrementAndGet();
            return Optional.ofNullable(answer);
        };
    }

    @Test
    void theSettingChoosesAndSystemAsksTheSystem() {
        ThemeResolver resolver = new ThemeResolver(Map.of(), system(ColorScheme.DARK));
        assertThat(resolver.resolve("light")).isEqualTo(ColorScheme.LIGHT);
        assertThat(resolver.resolve("dark")).isEqualTo(ColorScheme.DARK);
        assertThat(asked).hasValue(0);
        assertThat(resolver.resolve("system")).isEqualTo(ColorScheme.DARK);
        assertThat(resolver.resolve(null)).isEqualTo(ColorScheme.DARK);
        assertThat(asked).hasValue(2);
    }

    @Test
    void aSystemThatCannotSayIsLight() {
        assertThat(new ThemeResolver(Map.of(), system(null)).resolve("system")).isEqualTo(ColorScheme.LIGHT);
    }

    @Test
    void theEnvironmentVariableWinsOverTheSetting() {
        ThemeResolver dark = new ThemeResolver(Map.of(ThemeResolver.VARIABLE, "dark"), system(ColorScheme.LIGHT));
        assertThat(dark.resolve("light")).isEqualTo(ColorScheme.DARK);
        assertThat(dark.choice("light")).isEqualTo(ThemeChoice.DARK);
        ThemeResolver light = new ThemeResolver(Map.of(ThemeResolver.VARIABLE, " LIGHT "), system(ColorScheme.DARK));
        assertThat(light.resolve("system")).isEqualTo(ColorScheme.LIGHT);
        assertThat(asked).hasValue(0);
    }

    @Test
    void aBrokenEnvironmentVariableLeavesItToTheSetting() {
        ThemeResolver resolver = new ThemeResolver(Map.of(ThemeResolver.VARIABLE, "purple"), system(ColorScheme.DARK));
        assertThat(resolver.resolve("light")).isEqualTo(ColorScheme.LIGHT);
        assertThat(resolver.choice("purple")).isEqualTo(ThemeChoice.SYSTEM);
    }

    @Test
    void choicesParseAndSayTheirSettingsValue() {
        assertThat(ThemeChoice.parse("Dark")).contains(ThemeChoice.DARK);
        assertThat(ThemeChoice.parse("")).isEmpty();
        assertThat(ThemeChoice.SYSTEM.settingsValue()).isEqualTo("system");
    }
}
