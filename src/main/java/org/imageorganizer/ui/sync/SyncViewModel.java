package org.imageorganizer.ui.sync;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.imageorganizer.model.SyncFailure;
import org.imageorganizer.model.SyncListener;
import org.imageorganizer.model.SyncProgress;
import org.imageorganizer.model.SyncSummary;
import org.imageorganizer.services.CloudBackup;
import org.imageorganizer.ui.Notices;
import org.imageorganizer.ui.TaskExecutor;

/**
 * The backup to Cloudinary as the window shows it: available or not, running, progress, a status
 * line, and each image that could not be uploaded (it stays local; the next backup tries again).
 */
public final class SyncViewModel {
    private static final long UPDATE_NANOS = 100_000_000L;

    private final CloudBackup backup;
    private final TaskExecutor executor;
    private final Notices notices;
    private final BooleanProperty available = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private Consumer<SyncFailure> onFailure = f -> { };

    public SyncViewModel(CloudBackup backup, TaskExecutor executor, Notices notices) {
        this.backup = backup;
        this.executor = executor;
        this.notices = notices;
    }

    /** Looks whether Cloudinary is configured (reads settings and environment: call off the FX thread's hot path). */
    public void checkAvailable() {
        executor.submit(backup::configured, available::set, error -> {
            available.set(false);
            notices.failed("Could not tell whether the backup to Cloudinary is set up", error);
        });
    }

    /** Uploads every image that has no copy in Cloudinary yet. */
    public void start() {
        if (running.get()) {
            return;
        }
        cancelled.set(false);
        running.set(true);
        progress.set(-1);
        status.set("Backing up to Cloudinary…");
        executor.submit(() -> {
            if (!backup.configured()) {
                throw new IllegalStateException("Cloudinary is not configured: set CLOUDINARY_URL or add it to the settings.");
            }
            return backup.run(new Listener(), cancelled::get);
        }, this::finished, error -> {
            running.set(false);
            progress.set(0);
            status.set("The backup stopped: " + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()));
        });
    }

    public void cancel() {
        if (running.get()) {
            cancelled.set(true);
            status.set("Stopping the backup after the uploads in flight…");
        }
    }

    private void finished(SyncSummary summary) {
        running.set(false);
        progress.set(1);
        status.set(describe(summary));
    }

    static String describe(SyncSummary s) {
        if (s.stoppedBecause().isPresent()) {
            return "Backup stopped: " + s.stoppedBecause().get();
        }
        String text = (s.cancelled() ? "Backup stopped: " : "Backup done: ") + s.uploaded() + " uploaded";
        if (s.alreadyThere() > 0) {
            text += ", " + s.alreadyThere() + " already in Cloudinary";
        }
        if (!s.failures().isEmpty()) {
            text += ", " + s.failures().size() + " failed (they stay local; see Problems)";
        }
        return s.total() == 0 ? "Backup done: every photo already has a copy in Cloudinary." : text + ".";
    }

    private final class Listener implements SyncListener {
        private volatile long last;

        @Override
        public void progress(SyncProgress p) {
            long now = System.nanoTime();
            if (now - last < UPDATE_NANOS && p.done() < p.total()) {
                return;
            }
            last = now;
            executor.onUi(() -> {
                progress.set(p.total() == 0 ? -1 : p.fraction());
                if (!cancelled.get()) {
                    status.set("Backing up: " + p.done() + " of " + p.total()
                            + (p.current() == null ? "" : " · " + p.current()));
                }
            });
        }

        @Override
        public void failed(SyncFailure failure) {
            executor.onUi(() -> onFailure.accept(failure));
        }
    }

    public BooleanProperty availableProperty() {
        return available;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Called on the UI thread for each image that could not be uploaded. */
    public void setOnFailure(Consumer<SyncFailure> onFailure) {
        this.onFailure = onFailure;
    }
}
