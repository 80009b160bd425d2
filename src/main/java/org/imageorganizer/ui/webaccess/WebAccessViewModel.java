package org.imageorganizer.ui.webaccess;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.imageorganizer.ui.EmbeddedServer;
import org.imageorganizer.ui.SettingsStore;
import org.imageorganizer.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Web Access: the server and its web page beside the window. Starts and stops it on the {@code server_port} setting,
 * shows its address, and lets the other devices of the local network in when the user allows it, which needs an
 * access key made here (kept in {@link WebAccessStore}). Changing who may connect while it runs starts it again
 * that way. One per window, so that it knows the server's state between openings of the dialog. UI thread.
 */
public final class WebAccessViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(WebAccessViewModel.class);
    static final String NEEDS_KEY = "Other devices need an access key: press Create Key.";

    /** Opens an address in the user's browser. */
    public interface Browser {
        void browse(URI address) throws IOException;
    }

    /** Where the server is. */
    public enum Status {
        /** Reading the saved preferences. */
        LOADING,
        STOPPED,
        STARTING,
        RUNNING,
        STOPPING
    }

    private final EmbeddedServer server;
    private final SettingsStore settings;
    private final WebAccessStore store;
    private final TaskExecutor executor;
    private final Browser browser;
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.LOADING);
    private final ReadOnlyStringWrapper address = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper networkAddress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper accessKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty localNetwork = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper openToNetwork = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canStart;
    /** Whether the running server listens for the network (it may differ from {@link #localNetwork} for a moment). */
    private boolean runningForNetwork;
    private boolean loading = true;
    private boolean loadStarted;

    public WebAccessViewModel(EmbeddedServer server, SettingsStore settings, WebAccessStore store, TaskExecutor executor,
            Browser browser) {
        this.server = server;
        this.settings = settings;
        this.store = store;
        this.executor = executor;
        this.browser = browser;
        this.canStart = Bindings.createBooleanBinding(
                () -> status.get() == Status.STOPPED && (!localNetwork.get() || !accessKey.get().isEmpty()),
                status, localNetwork, accessKey);
        localNetwork.addListener((o, was, now) -> {
            if (!loading) {
                save();
                whoMayConnectChanged();
            }
        });
    }

    /** Reads the saved preferences in the background, the first time only; the controls wait for them. */
    public void load() {
        if (status.get() != Status.LOADING || loadStarted) {
            return;
        }
        loadStarted = true;
        executor.submit(store::load, saved -> {
            accessKey.set(saved.accessKey());
            localNetwork.set(saved.localNetwork());
            loading = false;
            status.set(server.running() ? Status.RUNNING : Status.STOPPED);
            showNeeds();
        }, error -> {
            loading = false;
            status.set(Status.STOPPED);
        });
    }

    /** Starts the server: for this computer, or for the network with the key when other devices are allowed. */
    public void start() {
        if (!canStart.get()) {
            showNeeds();
            return;
        }
        boolean network = localNetwork.get();
        String key = accessKey.get();
        status.set(Status.STARTING);
        message.set("Starting… (the first time, the recognition model loads first)");
        executor.submit(() -> {
            int port = settings.load().serverPort();
            String local = network ? server.startForNetwork(port, key) : server.start(port);
            return new Started(local, network ? server.networkAddresses() : List.of());
        }, started -> {
            runningForNetwork = network;
            openToNetwork.set(network);
            address.set(started.local());
            networkAddress.set(started.network().isEmpty() ? "" : started.network().get(0));
            status.set(Status.RUNNING);
            message.set(network && started.network().isEmpty()
                    ? "This computer has no address on a local network: other devices cannot reach it now." : "");
            whoMayConnectChanged(); // the box may have changed meanwhile
        }, error -> {
            LOG.info("Web access could not start: {}", error.getMessage());
            status.set(Status.STOPPED);
            message.set("Web access could not start. " + sentence(error));
        });
    }

    private record Started(String local, List<String> network) {
    }

    /** Stops the server; requests in progress finish. */
    public void stop() {
        if (status.get() != Status.RUNNING) {
            return;
        }
        stopThen(() -> message.set(""));
    }

    private void stopThen(Runnable after) {
        status.set(Status.STOPPING);
        executor.submit(() -> {
            server.stop();
            return Boolean.TRUE;
        }, done -> {
            status.set(Status.STOPPED);
            openToNetwork.set(false);
            address.set("");
            networkAddress.set("");
            after.run();
        }, error -> {
            status.set(server.running() ? Status.RUNNING : Status.STOPPED);
            message.set("Web access could not stop. " + sentence(error));
        });
    }

    /** Starts the server again the way the box now says, when it runs the other way and that way is possible. */
    private void whoMayConnectChanged() {
        if (status.get() == Status.RUNNING && runningForNetwork != localNetwork.get()
                && (!localNetwork.get() || !accessKey.get().isEmpty())) {
            stopThen(this::start);
        } else {
            showNeeds();
        }
    }

    private void showNeeds() {
        if (localNetwork.get() && accessKey.get().isEmpty()) {
            message.set(NEEDS_KEY);
        } else if (NEEDS_KEY.equals(message.get())) {
            message.set("");
        }
    }

    /** Makes a new access key (the old one stops working at the next start) and saves it. */
    public void createKey() {
        accessKey.set(AccessKeys.generate());
        save();
        if (status.get() == Status.RUNNING && runningForNetwork) {
            stopThen(this::start); // devices must use the new key from now on
        } else {
            whoMayConnectChanged();
        }
    }

    private void save() {
        WebAccessPreferences now = new WebAccessPreferences(localNetwork.get(), accessKey.get());
        executor.submit(() -> {
            store.save(now);
            return Boolean.TRUE;
        }, done -> { }, error -> message.set("The access key could not be saved, so it lasts until the window closes. "
                + sentence(error)));
    }

    /** Opens the address on this computer in the browser. */
    public void openInBrowser() {
        String url = address.get();
        if (url.isEmpty()) {
            return;
        }
        executor.submit(() -> {
            browser.browse(URI.create(url));
            return Boolean.TRUE;
        }, done -> { }, error -> message.set("The browser could not be opened. Open " + url + " in it yourself."));
    }

    private static String sentence(Throwable error) {
        String text = error.getMessage() == null || error.getMessage().isBlank() ? "Details are in the log file."
                : error.getMessage().strip();
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The address on this computer ({@code http://127.0.0.1:8080/}) while running; empty otherwise. */
    public ReadOnlyStringProperty addressProperty() {
        return address.getReadOnlyProperty();
    }

    /** The address other devices use ({@code http://192.168.1.20:8080/}) while running for them; empty otherwise. */
    public ReadOnlyStringProperty networkAddressProperty() {
        return networkAddress.getReadOnlyProperty();
    }

    /** The access key for other devices; empty until one is created. */
    public ReadOnlyStringProperty accessKeyProperty() {
        return accessKey.getReadOnlyProperty();
    }

    /** What went wrong or what is missing, as a sentence; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the server runs, and listens for the other devices of the network too (with the key). */
    public ReadOnlyBooleanProperty openToNetworkProperty() {
        return openToNetwork.getReadOnlyProperty();
    }

    /** Whether the other devices of the local network may connect (with the key). */
    public BooleanProperty localNetworkProperty() {
        return localNetwork;
    }

    /** Whether Start can be pressed: stopped, and a key when other devices are allowed. */
    public BooleanBinding canStartProperty() {
        return canStart;
    }
}
