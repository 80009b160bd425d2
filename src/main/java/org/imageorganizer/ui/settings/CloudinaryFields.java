package org.imageorganizer.ui.settings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.imageorganizer.config.Settings;

/**
 * The Cloudinary part of the settings as the dialog edits it: the account as three fields (cloud
 * name, API key, and the API secret, which the dialog masks) instead of one
 * {@code cloudinary://KEY:SECRET@CLOUD} address, who may open the copies, what deleting a photo does to
 * its copy, and the folder. {@link #build} checks them and says what is wrong in a sentence.
 */
public final class CloudinaryFields {
    private static final Pattern ACCOUNT = Pattern.compile("cloudinary://([^:@/]+):([^@]+)@([^/?#]+)/?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]{1,100}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,200}");
    private static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9 _.-]+(/[A-Za-z0-9 _.-]+)*");

    /** Who may open the photos' copies. */
    public enum Delivery {
        AUTHENTICATED("authenticated"),
        PUBLIC("public");

        final String settingsValue;

        Delivery(String settingsValue) {
            this.settingsValue = settingsValue;
        }

        static Delivery of(String value) {
            return "public".equals(value) ? PUBLIC : AUTHENTICATED;
        }
    }

    /** What removing a photo from the library does to its Cloudinary copy. */
    public enum OnDelete {
        DELETE("delete"),
        KEEP("keep");

        final String settingsValue;

        OnDelete(String settingsValue) {
            this.settingsValue = settingsValue;
        }

        static OnDelete of(String value) {
            return "keep".equals(value) ? KEEP : DELETE;
        }
    }

    private final StringProperty cloudName = new SimpleStringProperty("");
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final StringProperty apiSecret = new SimpleStringProperty("");
    private final ObjectProperty<Delivery> delivery = new SimpleObjectProperty<>(Delivery.AUTHENTICATED);
    private final ObjectProperty<OnDelete> onDelete = new SimpleObjectProperty<>(OnDelete.DELETE);
    private final StringProperty folder = new SimpleStringProperty("");
    /** A saved address these fields cannot show (kept unless the user fills them in). */
    private String unreadableUrl;

    /** Shows {@code c} in the fields. */
    void fill(Settings.Cloudinary c) {
        unreadableUrl = null;
        Matcher m = ACCOUNT.matcher(c.url() == null ? "" : c.url());
        if (m.matches()) {
            apiKey.set(m.group(1));
            apiSecret.set(m.group(2));
            cloudName.set(m.group(3));
        } else {
            unreadableUrl = c.url();
            apiKey.set("");
            apiSecret.set("");
            cloudName.set("");
        }
        delivery.set(Delivery.of(c.delivery()));
        onDelete.set(OnDelete.of(c.onDelete()));
        folder.set(c.folder());
    }

    /** Whether a saved account is there that the fields could not show (it is kept while they stay empty). */
    public boolean hasUnreadableAccount() {
        return unreadableUrl != null;
    }

    /**
     * The Cloudinary settings the fields describe, with {@code original}'s upload concurrency.
     *
     * @throws IllegalArgumentException with a sentence for the user when a field is wrong
     */
    Settings.Cloudinary build(Settings.Cloudinary original) {
        String name = strip(cloudName.get());
        String key = strip(apiKey.get());
        String secret = strip(apiSecret.get());
        String url;
        if (name.isEmpty() && key.isEmpty() && secret.isEmpty()) {
            url = unreadableUrl; // null: no account
        } else if (name.isEmpty() || key.isEmpty() || secret.isEmpty()) {
            throw new IllegalArgumentException("For Cloudinary, enter the cloud name, the API key and the API secret"
                    + " (all three are on your Cloudinary dashboard), or leave all three empty.");
        } else {
            check(name, NAME, "The Cloudinary cloud name may hold only letters, digits, - and _.");
            check(key, KEY, "The Cloudinary API key may hold only letters and digits.");
            check(secret, SECRET, "The Cloudinary API secret may hold only letters, digits, - and _.");
            url = "cloudinary://" + key + ":" + secret + "@" + name;
        }
        String where = strip(folder.get());
        if (where.isEmpty()) {
            where = Settings.Cloudinary.defaults().folder();
        }
        if (where.length() > 200 || !FOLDER.matcher(where).matches() || where.contains("..")) {
            throw new IllegalArgumentException("The Cloudinary folder may hold letters, digits, spaces, - _ and ., with /"
                    + " between folder names (for example photos/2024), at most 200 characters.");
        }
        return new Settings.Cloudinary(url, (delivery.get() == null ? Delivery.AUTHENTICATED : delivery.get()).settingsValue,
                (onDelete.get() == null ? OnDelete.DELETE : onDelete.get()).settingsValue, where, original.concurrency());
    }

    private static void check(String value, Pattern allowed, String sentence) {
        if (!allowed.matcher(value).matches()) {
            throw new IllegalArgumentException(sentence);
        }
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    public StringProperty cloudNameProperty() {
        return cloudName;
    }

    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    /** The API secret; the dialog shows it masked. */
    public StringProperty apiSecretProperty() {
        return apiSecret;
    }

    public ObjectProperty<Delivery> deliveryProperty() {
        return delivery;
    }

    public ObjectProperty<OnDelete> onDeleteProperty() {
        return onDelete;
    }

    public StringProperty folderProperty() {
        return folder;
    }
}
