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
 * Getting the recognition (CLIP) model on first run: download it (progress in megabytes, cancel) or adopt a folder
 * the user chose. What the user reads is a plain sentence; the technical reason (addresses, variants, checksums)
 * goes to {@link #detailsProperty()}, which the dialog keeps behind "Details".
 */
public final class ModelSetupViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ModelSetupViewModel.class);
    static final String DOWNLOADING = "Downloading the model…";
    static final String OFFLINE = "This computer seems to be offline. Connect it to the internet and try again, "
            + "or use a model folder copied from another computer.";
    static final String DOWNLOAD_FAILED = "The model could not be downloaded. Try again later, "
            + "or use a model folder copied from another computer.";
    static final String NOT_A_MODEL = "This folder does not hold the model. Choose the folder that has the file "
            + "manifest.json in it.";
    static final String CANCELLED = "The download was stopped. Downloading again goes on from where it stopped.";

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
        /** The last attempt failed; {@link #messageProperty()} says so, and the user can try again. */
        FAILED
    }

    private final ModelSetup setup;
    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.CHOOSING);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper downloadSize = new ReadOnlyStringWrapper("");
    private final BooleanBinding busy;
    private TaskExecutor.Cancellable running;
    private int attempt;
    private long bytes = -1;

    public ModelSetupViewModel(ModelSetup setup, TaskExecutor executor) {
        this.setup = setup;
        this.executor = executor;
        this.busy = Bindings.createBooleanBinding(() -> state.get() == State.DOWNLOADING || state.get() == State.CHECKING,
                state);
    }

    /** Reads the size of the download in the background, for the download button ("about 156 MB"). */
    public void readDownloadSize() {
        executor.submit(setup::downloadBytes, size -> {
            bytes = size;
            downloadSize.set(size > 0 ? megabytes(size) : "");
        }, error -> LOG.debug("No download size: {}", error.toString()));
    }

    /** Starts downloading the standard model in the background. */
    public void download() {
        if (busy.get() || state.get() == State.READY) {
            return;
        }
        int run = begin(State.DOWNLOADING, DOWNLOADING);
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
                ready("The model is downloaded and ready.");
            }
        }, error -> {
            if (run == attempt) {
                failed(error, DOWNLOAD_FAILED);
            }
        });
    }

    private void showProgress(int run, double fraction) {
        if (run == attempt && state.get() == State.DOWNLOADING) {
            progress.set(fraction);
            message.set(describeProgress(fraction, bytes));
        }
    }

    /** "Downloading the model… 67 MB of 156 MB (43%)", or without the megabytes when the size is unknown. */
    static String describeProgress(double fraction, long totalBytes) {
        if (fraction < 0) {
            return DOWNLOADING;
        }
        double part = Math.min(1, fraction);
        String percent = Math.round(part * 100) + "%";
        return totalBytes > 0
                ? DOWNLOADING + " " + Math.round(part * totalBytes / 1e6) + " MB of " + megabytes(totalBytes) + " (" + percent + ")"
                : DOWNLOADING + " " + percent;
    }

    static String megabytes(long size) {
        return Math.round(size / 1e6) + " MB";
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
        message.set(CANCELLED);
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
                ready("The model in " + folder + " is ready.");
            }
        }, error -> {
            if (run == attempt) {
                failed(error, NOT_A_MODEL);
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

    /** A plain sentence for the user; the technical reason behind Details (and in the log). */
    private void failed(Throwable error, String plain) {
        String reason = error.getMessage() == null || error.getMessage().isBlank() ? null : error.getMessage().strip();
        if (state.get() == State.DOWNLOADING && isOffline(error)) {
            LOG.info("Model download failed, apparently offline: {}", reason);
            offline.set(true);
            message.set(OFFLINE);
        } else {
            LOG.info("Model setup failed: {}", reason);
            LOG.debug("Model setup failure", error);
            message.set(plain);
        }
        details.set(reason != null ? reason : error.getClass().getSimpleName() + " (more in the log file)");
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

    /** The technical reason of the last failure (addresses, variants, checksums), for "Details"; empty otherwise. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Whether the last download failed for want of a network. */
    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    /** The size of the download ("156 MB") once read ({@link #readDownloadSize()}); empty while unknown. */
    public ReadOnlyStringProperty downloadSizeProperty() {
        return downloadSize.getReadOnlyProperty();
    }

    /** True while downloading or checking a folder. */
    public BooleanBinding busyProperty() {
        return busy;
    }
}
