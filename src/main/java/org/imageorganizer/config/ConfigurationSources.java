package org.imageorganizer.config;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.imageorganizer.model.ExplainedException;

/**
 * Which value wins when several places name one: a command-line option, then an environment
 * variable, then the settings file, then the default. Every front end resolves its configuration
 * here, so the order is the same for the window, the server and the commands.
 */
public final class ConfigurationSources {
    public static final String MODEL_DIR_VARIABLE = "IMAGE_ORGANIZER_MODEL_DIR";
    public static final String DB_URL_VARIABLE = "IMAGE_ORGANIZER_DB_URL";
    public static final String DB_USER_VARIABLE = "IMAGE_ORGANIZER_DB_USER";
    public static final String DB_PASSWORD_VARIABLE = "IMAGE_ORGANIZER_DB_PASSWORD";
    public static final String DB_PASSWORD_FILE_VARIABLE = "IMAGE_ORGANIZER_DB_PASSWORD_FILE";
    public static final String CLOUDINARY_URL_VARIABLE = "CLOUDINARY_URL";
    public static final String CLOUDINARY_AUTH_TOKEN_KEY_VARIABLE = "CLOUDINARY_AUTH_TOKEN_KEY";

    private final Environment environment;
    private final Map<String, String> variables;
    private final Supplier<Settings> settings;

    /**
     * @param variables the process environment ({@code System.getenv()}, or a map in tests)
     * @param settings  the user's settings as they are now (read when a value is asked for)
     */
    public ConfigurationSources(Environment environment, Map<String, String> variables, Supplier<Settings> settings) {
        this.environment = environment;
        this.variables = Map.copyOf(variables);
        this.settings = settings;
    }

    /** The process's environment variables, as given. */
    public Map<String, String> variables() {
        return variables;
    }

    /** The environment variable's value, or null when it is unset or blank. */
    public String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The model folders the user named: {@code --model-dir}, else the {@code IMAGE_ORGANIZER_MODEL_DIR}
     * path list, else the settings' {@code model_dir}; empty when none (the per-user model cache then).
     */
    public List<Path> modelDirs(List<Path> fromOptions) {
        if (fromOptions != null && !fromOptions.isEmpty()) {
            return fromOptions;
        }
        String list = variable(MODEL_DIR_VARIABLE);
        if (list != null) {
            return Arrays.stream(list.split(Pattern.quote(File.pathSeparator)))
                    .filter(d -> !d.isBlank()).map(d -> Path.of(d.strip())).toList();
        }
        String fromSettings = settings.get().modelDir();
        return fromSettings != null ? List.of(Path.of(fromSettings)) : List.of();
    }

    /**
     * Where the library is: the options' file or URL, else {@code IMAGE_ORGANIZER_DB_URL} (with its user
     * and password variables), else the settings' {@code database}, else the per-user file. The result
     * names a file or a URL, never neither.
     *
     * @throws ExplainedException when the password file cannot be read
     */
    public DatabaseLocation database(DatabaseLocation fromOptions) {
        DatabaseLocation asked = fromOptions == null ? DatabaseLocation.DEFAULT : fromOptions;
        if (asked.jdbcUrl() != null) {
            return new DatabaseLocation(null, asked.jdbcUrl(), nullToEmpty(asked.user()),
                    asked.password() != null ? asked.password() : environmentPassword());
        }
        if (asked.file() != null) {
            return asked;
        }
        String url = variable(DB_URL_VARIABLE);
        if (url != null) {
            return new DatabaseLocation(null, url, nullToEmpty(variables.get(DB_USER_VARIABLE)), environmentPassword());
        }
        String fromSettings = settings.get().database();
        return DatabaseLocation.file(fromSettings != null ? Path.of(fromSettings) : environment.defaultDatabase());
    }

    /** IMAGE_ORGANIZER_DB_PASSWORD, or the first line of the file IMAGE_ORGANIZER_DB_PASSWORD_FILE names. */
    private String environmentPassword() {
        String file = variable(DB_PASSWORD_FILE_VARIABLE);
        if (file != null) {
            try {
                return Files.readAllLines(Path.of(file)).stream().findFirst().orElse("").strip();
            } catch (IOException e) {
                throw new ExplainedException("Cannot read the database password file " + file + " (" + e.getMessage() + ").");
            }
        }
        return nullToEmpty(variables.get(DB_PASSWORD_VARIABLE));
    }

    /**
     * The Cloudinary account: {@code CLOUDINARY_URL}, else the settings' {@code cloudinary.url}; empty
     * when neither names one. The URL is not checked here (the cloud store does that).
     */
    public Optional<CloudinaryChoice> cloudinary() {
        Settings.Cloudinary s = settings.get().cloudinary();
        String fromEnvironment = variable(CLOUDINARY_URL_VARIABLE);
        String url = fromEnvironment != null ? fromEnvironment.strip() : s.url();
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(new CloudinaryChoice(url,
                fromEnvironment != null ? "environment variable " + CLOUDINARY_URL_VARIABLE
                        : "cloudinary.url in " + environment.settingsFile(),
                s, variables.get(CLOUDINARY_AUTH_TOKEN_KEY_VARIABLE)));
    }

    /**
     * A Cloudinary account and how to use it.
     *
     * @param url          the cloudinary:// URL (holds the secret: never log it)
     * @param source       where the URL came from, for error messages
     * @param settings     delivery, folder, concurrency and what removal does, from the settings
     * @param authTokenKey the key for signed delivery links, or null
     */
    public record CloudinaryChoice(String url, String source, Settings.Cloudinary settings, String authTokenKey) {
        /** Never shows the secret. */
        @Override
        public String toString() {
            return "CloudinaryChoice[source=" + source + ", settings=" + settings + "]";
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
