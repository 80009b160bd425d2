package org.imageorganizer.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.imageorganizer.config.Settings;
import org.imageorganizer.ui.DialogTestServices;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.theme.ThemeChoice;
import org.junit.jupiter.api.Test;

/** The settings' theme and Cloudinary fields, through the settings view model. */
class CloudinaryFieldsTest {
    private final DialogTestServices services = new DialogTestServices();
    private final AtomicInteger closed = new AtomicInteger();

    private SettingsViewModel model() {
        return new SettingsViewModel(services, new SameThreadTaskExecutor());
    }

    @Test
    void theSavedAccountShowsInThreeFieldsAndTheRestAsChoices() {
        services.settings = Settings.defaults().withCloudinary(
                new Settings.Cloudinary("cloudinary://123456789012345:s3cr3t-Value_x@demo-cloud", "public", "keep", "photos/home", 6));

        CloudinaryFields fields = model().cloudinary();

        assertThat(fields.cloudNameProperty().get()).isEqualTo("demo-cloud");
        assertThat(fields.apiKeyProperty().get()).isEqualTo("123456789012345");
        assertThat(fields.apiSecretProperty().get()).isEqualTo("s3cr3t-Value_x");
        assertThat(fields.deliveryProperty().get()).isEqualTo(CloudinaryFields.Delivery.PUBLIC);
        assertThat(fields.onDeleteProperty().get()).isEqualTo(CloudinaryFields.OnDelete.KEEP);
        assertThat(fields.folderProperty().get()).isEqualTo("photos/home");
        assertThat(fields.hasUnreadableAccount()).isFalse();
    }

    @Test
    void filledFieldsAreSavedAsOneAccountAddressKeepingTheConcurrency() {
        services.settings = Settings.defaults().withCloudinary(new Settings.Cloudinary(null, null, null, null, 7));
        SettingsViewModel model = model();
        CloudinaryFields fields = model.cloudinary();
        fields.cloudNameProperty().set(" my-cloud ");
        fields.apiKeyProperty().set("1234");
        fields.apiSecretProperty().set("abc_DEF-9");
        fields.deliveryProperty().set(CloudinaryFields.Delivery.PUBLIC);
        fields.onDeleteProperty().set(CloudinaryFields.OnDelete.KEEP);
        fields.folderProperty().set("trips/2024");

        assertThat(model.save(closed::incrementAndGet)).isTrue();

        Settings.Cloudinary saved = services.saved.get(0).cloudinary();
        assertThat(saved.url()).isEqualTo("cloudinary://1234:abc_DEF-9@my-cloud");
        assertThat(saved.delivery()).isEqualTo("public");
        assertThat(saved.onDelete()).isEqualTo("keep");
        assertThat(saved.folder()).isEqualTo("trips/2024");
        assertThat(saved.concurrency()).isEqualTo(7);
        assertThat(closed).hasValue(1);
    }

    @Test
    void emptyFieldsMeanNoAccountAndTheDefaultFolder() {
        services.settings = Settings.defaults().withCloudinary(Settings.Cloudinary.defaults().withUrl("cloudinary://k:s@c"));
        SettingsViewModel model = model();
        model.cloudinary().cloudNameProperty().set("");
        model.cloudinary().apiKeyProperty().set("");
        model.cloudinary().apiSecretProperty().set(" ");
        model.cloudinary().folderProperty().set("");

        assertThat(model.save(closed::incrementAndGet)).isTrue();

        assertThat(services.saved.get(0).cloudinary().url()).isNull();
        assertThat(services.saved.get(0).cloudinary().folder()).isEqualTo("image-organizer");
    }

    @Test
    void anAccountWithAFieldMissingIsRefusedInASentence() {
        SettingsViewModel model = model();
        model.cloudinary().cloudNameProperty().set("my-cloud");
        model.cloudinary().apiKeyProperty().set("1234");

        assertThat(model.save(closed::incrementAndGet)).isFalse();

        assertThat(model.errorProperty().get()).isEqualTo("For Cloudinary, enter the cloud name, the API key and the API"
                + " secret (all three are on your Cloudinary dashboard), or leave all three empty.");
        assertThat(services.saved).isEmpty();
    }

    @Test
    void fieldsThatWouldBreakTheAddressAreRefused() {
        SettingsViewModel model = model();
        CloudinaryFields fields = model.cloudinary();
        fields.cloudNameProperty().set("my-cloud");
        fields.apiKeyProperty().set("1234");
        fields.apiSecretProperty().set("sec@ret");
        assertThat(model.save(closed::incrementAndGet)).isFalse();
        assertThat(model.errorProperty().get()).isEqualTo("The Cloudinary API secret may hold only letters, digits, - and _.");
        // the sentence never repeats the secret
        assertThat(model.errorProperty().get()).doesNotContain("sec@ret");

        fields.apiSecretProperty().set("secret");
        fields.cloudNameProperty().set("my cloud/evil");
        assertThat(model.save(closed::incrementAndGet)).isFalse();
        assertThat(model.errorProperty().get()).startsWith("The Cloudinary cloud name may hold only");

        fields.cloudNameProperty().set("my-cloud");
        fields.apiKeyProperty().set("12:34");
        assertThat(model.save(closed::incrementAndGet)).isFalse();
        assertThat(model.errorProperty().get()).startsWith("The Cloudinary API key may hold only");
        assertThat(services.saved).isEmpty();
    }

    @Test
    void aBadFolderIsRefused() {
        SettingsViewModel model = model();
        for (String folder : new String[] {"/photos", "photos/", "a//b", "../up", "photos?x", "x".repeat(201)}) {
            model.cloudinary().folderProperty().set(folder);
            assertThat(model.save(closed::incrementAndGet)).as(folder).isFalse();
            assertThat(model.errorProperty().get()).as(folder).startsWith("The Cloudinary folder may hold");
        }
        assertThat(services.saved).isEmpty();
    }

    @Test
    void aSavedAddressTheFieldsCannotShowIsKeptWhileTheyStayEmpty() {
        services.settings = Settings.defaults().withCloudinary(
                Settings.Cloudinary.defaults().withUrl("cloudinary://key:secret@cloud/with/path?x=1"));
        SettingsViewModel model = model();
        assertThat(model.cloudinary().hasUnreadableAccount()).isTrue();
        assertThat(model.cloudinary().cloudNameProperty().get()).isEmpty();

        assertThat(model.save(closed::incrementAndGet)).isTrue();

        assertThat(services.saved.get(0).cloudinary().url()).isEqualTo("cloudinary://key:secret@cloud/with/path?x=1");
    }

    @Test
    void theThemeShowsAndIsSavedAndRestoreDefaultsLeavesIt() {
        services.settings = Settings.defaults().withTheme("dark");
        SettingsViewModel model = model();
        assertThat(model.themeProperty().get()).isEqualTo(ThemeChoice.DARK);

        model.themeProperty().set(ThemeChoice.LIGHT);
        model.restoreDefaults();
        assertThat(model.themeProperty().get()).isEqualTo(ThemeChoice.LIGHT);
        assertThat(model.save(closed::incrementAndGet)).isTrue();

        assertThat(services.saved.get(0).theme()).isEqualTo("light");
    }
}
