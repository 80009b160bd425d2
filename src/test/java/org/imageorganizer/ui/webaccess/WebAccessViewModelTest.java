package org.imageorganizer.ui.webaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.ui.DialogTestServices;
import org.imageorganizer.ui.EmbeddedServer;
import org.imageorganizer.ui.SameThreadTaskExecutor;
import org.imageorganizer.ui.webaccess.WebAccessViewModel.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Web Access without a scene: the server it starts and how, the key, what is saved, and the sentences. */
class WebAccessViewModelTest {
    @TempDir
    Path config;

    private final List<String> calls = new ArrayList<>();
    private final List<URI> browsed = new ArrayList<>();
    private RuntimeException startFailure;
    private boolean browserFails;

    private final EmbeddedServer server = new EmbeddedServer() {
        private boolean running;
        private boolean network;

        @Override
        public String start(int port) {
            calls.add("start " + port);
            return started(port, false);
        }

        @Override
        public String startForNetwork(int port, String accessKey) {
            calls.add("network " + port + " " + accessKey);
            return started(port, true);
        }

        private String started(int port, boolean forNetwork) {
            if (startFailure != null) {
                throw startFailure;
            }
            running = true;
            network = forNetwork;
            return "http://127.0.0.1:" + port + "/";
        }

        @Override
        public void stop() {
            calls.add("stop");
            running = false;
        }

        @Override
        public boolean running() {
            return running;
        }

        @Override
        public List<String> networkAddresses() {
            return running && network ? List.of("http://10.0.0.7:8080/") : List.of();
        }
    };

    private WebAccessViewModel model(WebAccessStore store) {
        WebAccessViewModel model = new WebAccessViewModel(server, new DialogTestServices(), store,
                new SameThreadTaskExecutor(), address -> {
                    if (browserFails) {
                        throw new IOException("no browser");
                    }
                    browsed.add(address);
                });
        model.load();
        return model;
    }

    private WebAccessStore store() {
        return new WebAccessStore(config.resolve("web-access.json"));
    }

    @Test
    void startsForThisComputerOnTheSettingsPort() {
        WebAccessViewModel model = model(store());
        assertThat(model.statusProperty().get()).isEqualTo(Status.STOPPED);

        model.start();

        assertThat(calls).containsExactly("start 8080");
        assertThat(model.statusProperty().get()).isEqualTo(Status.RUNNING);
        assertThat(model.addressProperty().get()).isEqualTo("http://127.0.0.1:8080/");
        assertThat(model.networkAddressProperty().get()).isEmpty();

        model.openInBrowser();
        assertThat(browsed).containsExactly(URI.create("http://127.0.0.1:8080/"));

        model.stop();
        assertThat(calls).containsExactly("start 8080", "stop");
        assertThat(model.addressProperty().get()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo(Status.STOPPED);
    }

    @Test
    void otherDevicesNeedAKey() {
        WebAccessViewModel model = model(store());

        model.localNetworkProperty().set(true);

        assertThat(model.canStartProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo(WebAccessViewModel.NEEDS_KEY);
        model.start();
        assertThat(calls).isEmpty();

        model.createKey();

        String key = model.accessKeyProperty().get();
        assertThat(key).matches("[a-z2-9]{4}(-[a-z2-9]{4}){4}");
        assertThat(model.messageProperty().get()).isEmpty();
        model.start();
        assertThat(calls).containsExactly("network 8080 " + key);
        assertThat(model.networkAddressProperty().get()).isEqualTo("http://10.0.0.7:8080/");
        assertThat(model.openToNetworkProperty().get()).isTrue();
        model.stop();
        assertThat(model.openToNetworkProperty().get()).isFalse();
    }

    @Test
    void aNewKeyWhileRunningForTheNetworkStartsItAgainWithThatKey() {
        WebAccessViewModel model = model(store());
        model.localNetworkProperty().set(true);
        model.createKey();
        String first = model.accessKeyProperty().get();
        model.start();

        model.createKey();

        String second = model.accessKeyProperty().get();
        assertThat(second).isNotEqualTo(first);
        assertThat(calls).containsExactly("network 8080 " + first, "stop", "network 8080 " + second);
    }

    @Test
    void allowingTheNetworkWhileRunningLocallyWaitsForTheKeyThenStartsAgain() {
        WebAccessViewModel model = model(store());
        model.start();

        model.localNetworkProperty().set(true);
        assertThat(calls).containsExactly("start 8080"); // no key yet: it stays on this computer
        assertThat(model.messageProperty().get()).isEqualTo(WebAccessViewModel.NEEDS_KEY);

        model.createKey();

        assertThat(calls).containsExactly("start 8080", "stop", "network 8080 " + model.accessKeyProperty().get());
    }

    @Test
    void theChoiceAndTheKeyAreKeptForTheNextRun() throws IOException {
        WebAccessViewModel first = model(store());
        first.localNetworkProperty().set(true);
        first.createKey();

        WebAccessViewModel next = model(store());

        assertThat(next.localNetworkProperty().get()).isTrue();
        assertThat(next.accessKeyProperty().get()).isEqualTo(first.accessKeyProperty().get());
        assertThat(Files.readString(config.resolve("web-access.json"))).contains("\"access_key\"");
    }

    @Test
    void aBrokenPreferencesFileMeansThisComputerOnly() throws IOException {
        Files.writeString(config.resolve("web-access.json"), "{ not json");

        WebAccessViewModel model = model(store());

        assertThat(model.localNetworkProperty().get()).isFalse();
        assertThat(model.accessKeyProperty().get()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo(Status.STOPPED);
    }

    @Test
    void aFailedStartSaysWhyAndCanBeTriedAgain() {
        startFailure = new IllegalStateException("Port 8080 is already in use");
        WebAccessViewModel model = model(store());

        model.start();

        assertThat(model.messageProperty().get()).isEqualTo("Web access could not start. Port 8080 is already in use.");
        assertThat(model.statusProperty().get()).isEqualTo(Status.STOPPED);
        assertThat(model.canStartProperty().get()).isTrue();
    }

    @Test
    void aBrowserThatCannotOpenSaysWhereToGo() {
        browserFails = true;
        WebAccessViewModel model = model(store());
        model.start();

        model.openInBrowser();

        assertThat(model.messageProperty().get()).isEqualTo("The browser could not be opened. Open http://127.0.0.1:8080/ in it yourself.");
    }

    @Test
    void keysDifferAndAvoidLookAlikes() {
        String a = AccessKeys.generate();
        String b = AccessKeys.generate();

        assertThat(a).isNotEqualTo(b).hasSize(24).doesNotContain("0", "1", "o", "l", "i");
    }
}
