package org.imageorganizer.app;

import java.io.PrintWriter;
import org.imageorganizer.config.Environment;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.ml.download.DownloadProgress;
import org.imageorganizer.ml.download.ModelDownloader;
import org.imageorganizer.ml.download.ModelSources;

/** Finds the default CLIP model in the per-user cache folder, downloading it (with progress) on first use. */
final class ModelLocator {
    private final Environment environment;
    private final PrintWriter err;

    ModelLocator(Environment environment, PrintWriter err) {
        this.environment = environment;
        this.err = err;
    }

    ModelFolder defaultModel() {
        return new ModelDownloader(environment.modelsDir())
                .downloadFolder(ModelSources.clipVitBasePatch32(), new ConsoleProgress(err));
    }

    /** Prints download progress at most twice a second. */
    private static final class ConsoleProgress implements DownloadProgress {
        private final PrintWriter err;
        private long lastPrint;

        ConsoleProgress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(String fileName, long bytesDone, long bytesTotal) {
            long now = System.nanoTime();
            boolean done = bytesTotal > 0 && bytesDone >= bytesTotal;
            if (!done && now - lastPrint < 500_000_000L) {
                return;
            }
            lastPrint = now;
            String total = bytesTotal > 0 ? String.format("%.1f MB (%d%%)", bytesTotal / 1e6, bytesDone * 100 / bytesTotal) : "?";
            err.printf("\rDownloading %s: %.1f MB of %s   %s", fileName, bytesDone / 1e6, total, done ? "\n" : "");
            err.flush();
        }
    }
}
