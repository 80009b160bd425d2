package org.imageorganizer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.imageorganizer.model.ExplainedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationSourcesTest {
    @TempDir
    Path home;

    private Environment environment() {
        return new Environment(home.resolve("data"), home.resolve("cache"), home.resolve("config"), home.resolve("logs"));
    }

    private ConfigurationSources sources(Map<String, String> variables, Settings settings) {
        return new ConfigurationSources(environment(), variables, () -> settings);
    }

    @Test
    void anOptionWinsOverTheEnvironmentWhichWinsOverTheSettings() {
        Settings settings = Settings.defaults().withModelDir("/from/settings");
        ConfigurationSources sources = sources(
                Map.of(ConfigurationSources.MODEL_DIR_VARIABLE, "/env/a" + File.pathSeparator + " /env/b "), settings);
        assertEquals(List.of(Path.of("/option")), sources.modelDirs(List.of(Path.of("/option"))));
        assertEquals(List.of(Path.of("/env/a"), Path.of("/env/b")), sources.modelDirs(List.of()));
        assertEquals(List.of(Path.of("/from/settings")), sources(Map.of(), settings).modelDirs(null));
        assertEquals(List.of(), sources(Map.of(), Settings.defaults()).modelDirs(List.of()));
    }

    @Test
    void theDatabaseIsTheOptionsThenTheEnvironmentsUrlThenThePerUserFile() {
        Map<String, String> variables = Map.of(ConfigurationSources.DB_URL_VARIABLE, "jdbc:postgresql://db/library",
                ConfigurationSources.DB_USER_VARIABLE, "organizer", ConfigurationSources.DB_PASSWORD_VARIABLE, "s3cret");
        Path file = home.resolve("mine");
        assertEquals(file, sources(variables, Settings.defaults()).database(DatabaseLocation.file(file)).file());

        DatabaseLocation fromEnvironment = sources(variables, Settings.defaults()).database(DatabaseLocation.DEFAULT);
        assertEquals("jdbc:postgresql://db/library", fromEnvironment.jdbcUrl());
        assertEquals("organizer", fromEnvironment.user());
        assertEquals("s3cret", fromEnvironment.password());
        assertNull(fromEnvironment.file());

        assertEquals(environment().defaultDatabase(), sources(Map.of(), Settings.defaults()).database(null).file());
    }

    @Test
    void thePasswordFileWinsAndAnUnreadableOneIsExplained() throws Exception {
        Path secret = Files.writeString(home.resolve("password"), "from-file\nsecond line\n");
        Map<String, String> variables = Map.of(ConfigurationSources.DB_URL_VARIABLE, "jdbc:postgresql://db/library",
                ConfigurationSources.DB_PASSWORD_VARIABLE, "ignored",
                ConfigurationSources.DB_PASSWORD_FILE_VARIABLE, secret.toString());
        assertEquals("from-file", sources(variables, Settings.defaults()).database(null).password());

        Map<String, String> missing = Map.of(ConfigurationSources.DB_URL_VARIABLE, "jdbc:postgresql://db/library",
                ConfigurationSources.DB_PASSWORD_FILE_VARIABLE, home.resolve("absent").toString());
        ExplainedException e = assertThrows(ExplainedException.class,
                () -> sources(missing, Settings.defaults()).database(null));
        assertTrue(e.getMessage().startsWith("Cannot read the database password file "), e.getMessage());
    }

    @Test
    void cloudinaryComesFromTheEnvironmentBeforeTheSettingsAndNeverShowsTheSecret() {
        ConfigurationSources none = sources(Map.of(), Settings.defaults());
        assertTrue(none.cloudinary().isEmpty());

        ConfigurationSources.CloudinaryChoice choice = sources(
                Map.of(ConfigurationSources.CLOUDINARY_URL_VARIABLE, " cloudinary://key:secret@cloud "),
                Settings.defaults()).cloudinary().orElseThrow();
        assertEquals("cloudinary://key:secret@cloud", choice.url());
        assertEquals("environment variable CLOUDINARY_URL", choice.source());
        assertTrue(!choice.toString().contains("secret"), choice.toString());
    }
}
