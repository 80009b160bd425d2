package org.imageorganizer.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imageorganizer.ui.main.WindowFixture.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server → Web Access…, driven as a user would, headless: start and stop, the address with Copy, and other devices on
 * the network, which need an access key made in the same dialog (the server is a fake that records what it was asked).
 */
@Tag("ui")
@Tag("model")
@Tag("database")
class WebAccessWindowTest {
    private static final String KEY = "[a-z2-9]{4}(-[a-z2-9]{4}){4}";

    @TempDir
    Path home;

    private WindowFixture fx;

    @BeforeEach
    void openWindow() {
        fx = new WindowFixture(new TestDesktopServices(home));
    }

    @AfterEach
    void closeWindow() {
        WindowFixture.runFx(() -> dialog().ifPresent(Stage::close));
        fx.close();
    }

    private static java.util.Optional<Stage> dialog() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && "Web Access".equals(s.getTitle())
                && s.isShowing()).map(w -> (Stage) w).findFirst();
    }

    private <T extends Node> T inDialog(String selector) {
        return onFx(() -> fx.robot.from(dialog().orElseThrow().getScene().getRoot()).lookup(selector).query());
    }

    private void openDialog() {
        fx.robot.clickOn(fx.labelled("Server"));
        fx.robot.clickOn(fx.labelled("Web Access…"));
        fx.waitUntil("the Web Access dialog", () -> dialog().isPresent());
        fx.waitUntil("the saved choices to be read", () -> !inDialogNow("#localNetworkBox").isDisabled());
    }

    private Node inDialogNow(String selector) {
        return fx.robot.from(dialog().orElseThrow().getScene().getRoot()).lookup(selector).query();
    }

    private String text(String selector) {
        return onFx(() -> ((TextField) inDialogNow(selector)).getText());
    }

    @Test
    void startsTheServerShowsItsAddressCopiesItAndStops() {
        openDialog();
        assertThat(fx.hasLabelled("Web access is off.")).isTrue();
        assertThat(onFx(() -> inDialogNow("#addressBox").isVisible())).isFalse();

        fx.robot.clickOn(fx.labelled("Start"));

        fx.waitUntil("the address", () -> dialog().isPresent() && ((TextField) inDialogNow("#addressField")).getText()
                .equals("http://127.0.0.1:8080/"));
        assertThat(fx.services.embeddedServer().calls()).containsExactly("start 8080"); // server_port, 8080 by default
        assertThat(fx.hasLabelled("Web access is on for this computer.")).isTrue();
        assertThat(fx.hasLabelled("Open in Browser")).isTrue();

        fx.robot.clickOn((Node) inDialog("#copyAddressButton"));
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("http://127.0.0.1:8080/");

        // the server keeps running when the dialog closes, and the dialog shows it so when opened again
        fx.robot.clickOn(fx.labelled("Close"));
        fx.waitUntil("the dialog to close", () -> dialog().isEmpty());
        assertThat(fx.services.embeddedServer().running()).isTrue();
        openDialog();
        assertThat(text("#addressField")).isEqualTo("http://127.0.0.1:8080/");

        fx.robot.clickOn(fx.labelled("Stop"));

        fx.waitUntil("the server to stop", () -> fx.hasLabelled("Web access is off."));
        assertThat(fx.services.embeddedServer().calls()).containsExactly("start 8080", "stop");
        assertThat(fx.services.embeddedServer().running()).isFalse();
        assertThat(onFx(() -> inDialogNow("#addressBox").isVisible())).isFalse();
    }

    @Test
    void otherDevicesOnTheNetworkNeedAnAccessKeyMadeInTheDialog() throws Exception {
        openDialog();

        fx.robot.clickOn((Node) inDialog("#localNetworkBox"));

        fx.waitUntil("the key section", () -> inDialogNow("#networkBox").isVisible());
        assertThat(fx.hasLabelled("Other devices need an access key: press Create Key.")).isTrue();
        assertThat(onFx(() -> inDialogNow("#startButton").isDisabled())).isTrue(); // no key, no start
        String warning = onFx(() -> ((Label) inDialogNow("#warning")).getText());
        assertThat(warning).contains("plain HTTP").contains("unencrypted").contains("HTTPS for Web Access");

        fx.robot.clickOn(fx.labelled("Create Key"));

        fx.waitUntil("the key", () -> ((TextField) inDialogNow("#keyField")).getText().matches(KEY));
        String key = text("#keyField");
        assertThat(onFx(() -> inDialogNow("#startButton").isDisabled())).isFalse();
        fx.robot.clickOn(fx.labelled("Copy Key"));
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(key);

        fx.robot.clickOn(fx.labelled("Start"));

        fx.waitUntil("the address for other devices", () -> ((TextField) inDialogNow("#networkAddressField")).getText()
                .equals("http://192.168.1.20:8080/"));
        assertThat(fx.services.embeddedServer().calls()).containsExactly("start for the network 8080 with key " + key);
        assertThat(text("#addressField")).isEqualTo("http://127.0.0.1:8080/");
        assertThat(fx.hasLabelled("Web access is on for this computer and your network.")).isTrue();
        // the choice and the key are kept for the next run, readable by their owner only
        Path saved = home.resolve("config/web-access.json");
        fx.waitUntil("the key to be saved", () -> Files.exists(saved) && Files.readString(saved).contains(key));
        assertThat(Files.readString(saved)).contains("\"local_network\" : true");
        assertThat(Files.getPosixFilePermissions(saved)).isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

        // taking the tick away while it runs starts it again for this computer only
        fx.robot.clickOn((Node) inDialog("#localNetworkBox"));

        fx.waitUntil("the server to run for this computer only", () -> fx.hasLabelled("Web access is on for this computer."));
        assertThat(fx.services.embeddedServer().calls())
                .containsExactly("start for the network 8080 with key " + key, "stop", "start 8080");
        assertThat(onFx(() -> inDialogNow("#networkAddressBox").isVisible())).isFalse();
    }

    @Test
    void aServerThatCannotStartSaysWhyInTheDialog() {
        fx.services.saveSettings(fx.services.settings().withServerPort(18080));
        fx.services.embeddedServer().failWith("Port 18080 is already in use.");
        openDialog();

        fx.robot.clickOn(fx.labelled("Start"));

        fx.waitUntil("the reason", () -> fx.hasLabelled("Web access could not start. Port 18080 is already in use."));
        assertThat(fx.services.embeddedServer().calls()).containsExactly("start 18080");
        assertThat(fx.services.embeddedServer().running()).isFalse();
        assertThat(fx.hasLabelled("Web access is off.")).isTrue();
        assertThat(onFx(() -> inDialogNow("#startButton").isDisabled())).isFalse(); // it can be tried again
        assertThat(fx.dialogs.calls()).isEmpty();
    }

    @Test
    void theServerMenuHasOnlyWebAccess() {
        fx.robot.clickOn(fx.labelled("Server"));

        fx.waitUntil("the menu", () -> fx.hasLabelled("Web Access…"));
        assertThat(fx.hasLabelled("Run the REST server")).isFalse();
        assertThat(fx.hasLabelled("Not running")).isFalse();
        fx.robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }
}
