package org.imageorganizer.ui.modelsetup;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.imageorganizer.services.ModelSetup;
import org.imageorganizer.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Getting the CLIP model on first run: download it (progress, cancel) or adopt a folder the user
 * chose. A failed download caused by the network says plainly that the computer seems offline and
 * how to place the model by hand.
 */
public final class ModelSetupViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ModelSetupViewModel.class);
    static final String OFFLINE = "This computer seems to be offline, so the model cannot be downloaded now. "
            + "You can place the model by hand instead: follow “Supplying the model by hand” in the README, "
            + "then choose the model folder here.";

    private static final double PROGRESS_STEP = 0.002;

    /** Where the setup is. */
    public enum State {
        /** Waiting for the user to choose. */
        CHOOSING,
        /** Downloading; {@link #progressProperty()} moves. */
        DOWNLOADING,
        /** Checking the folder the user chose. */
        CHECKING,
        /** A model is in place. */
        READY,
        /** The last attempt failed; {@link #messageProperty()} says why, and the user can try again. */
        FAILED
    }

    private final ModelSetup setup;
    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.CHOOSING);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper();
    private final BooleanBinding busy;
    private TaskExecutor.Cancellable running;
    private int attempt;

    public ModelSetupViewModel(ModelSetup setup, TaskExecutor executor) {
        this.setup = setup;
        this.executor = executor;
        this.busy = Bindings.createBooleanBinding(() -> state.get() == State.DOWNLOADING || state.get() == State.CHECKING,
                state);
    }

    /** Starts downloading the standard model in the background. */
    public void download() {
        if (busy.get() || state.get() == State.READY) {
            return;
        }
        int run = begin(State.DOWNLOADING, "Downloading the CLIP model…");
        progress.set(-1);
        running = executor.submit(() -> {
            double[] sent = {Double.NaN};
            setup.download(fraction -> {
                // the downloader reports every few kilobytes: pass on only visible changes
                if (!(Math.abs(fraction - sent[0]) < PROGRESS_STEP) || fraction >= 1) {
                    sent[0] = fraction;
                    executor.onUi(() -> showProgress(run, fraction));
                }
            });
            return Boolean.TRUE;
        }, done -> {
            if (run == attempt) {
                progress.set(1);
                ready("The CLIP model is downloaded and checked.");
            }
        }, error -> {
            if (run == attempt) {
                failed(error, "The download failed");
            }
        });
    }

    private void showProgress(int run, double fraction) {
        if (run == attempt && state.get() == State.DOWNLOADING) {
            progress.set(fraction);
            message.set(fraction < 0 ? "Downloading the CLIP model…"
                    : "Downloading the CLIP model… " + Math.round(Math.min(1, fraction) * 100) + "%");
        }
    }

    /** Stops a running download; what the downloader kept is reused by the next try. */
    public void cancel() {
        if (state.get() != State.DOWNLOADING) {
            return;
        }
        attempt++; // whatever the stopped download still reports is ignored
        if (running != null) {
            running.cancel();
        }
        progress.set(0);
        state.set(State.CHOOSING);
        message.set("The download was cancelled.");
    }

    /** Checks the folder in the background and uses it when it holds a usable model. */
    public void useFolder(Path folder) {
        if (busy.get() || folder == null) {
            return;
        }
        int run = begin(State.CHECKING, "Checking the model in " + folder + "…");
        running = executor.submit(() -> {
            setup.useFolder(folder);
            return Boolean.TRUE;
        }, done -> {
            if (run == attempt) {
                ready("The model in " + folder + " is in place.");
            }
        }, error -> {
            if (run == attempt) {
                failed(error, "This folder cannot be used");
            }
        });
    }

    private int begin(State next, String text) {
        attempt++;
        offline.set(false);
        details.set("");
        message.set(text);
        state.set(next);
        return attempt;
    }

    private void ready(String text) {
        message.set(text);
        state.set(State.READY);
    }

    private void failed(Throwable error, String fallback) {
        String reason = error.getMessage() == null || error.getMessage().isBlank() ? null : error.getMessage().strip();
        if (state.get() == State.DOWNLOADING && isOffline(error)) {
            LOG.info("Model download failed, apparently offline: {}", reason);
            offline.set(true);
            message.set(OFFLINE);
            details.set(reason == null ? "" : reason);
        } else if (reason != null) {
            LOG.info("{}: {}", fallback, reason);
            LOG.debug("Model setup failure", error);
            message.set(reason.endsWith(".") ? reason : reason + ".");
        } else {
            LOG.warn(fallback, error);
            message.set(fallback + " (details in the log file).");
        }
        progress.set(0);
        state.set(State.FAILED);
    }

    /** Whether the failure says the network cannot be reached (by its type or its message). */
    static boolean isOffline(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof HttpTimeoutException || t instanceof UnresolvedAddressException) {
                return true;
            }
            String text = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (text.contains("network") || text.contains("connection") || text.contains("unknown host")
                    || text.contains("offline") || text.contains("cannot be resolved")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a model is now in place. */
    public boolean ready() {
        return state.get() == State.READY;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Download progress in 0..1, or -1 while its size is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is happening, or why the last attempt failed, as a sentence. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The downloader's own words when offline (addresses to fetch by hand); empty otherwise. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Whether the last download failed for want of a network. */
    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    /** True while downloading or checking a folder. */
    public BooleanBinding busyProperty() {
        return busy;
    }
}
