package org.imageorganizer.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imageorganizer.config.Environment;
import org.imageorganizer.model.ModelException;
import org.imageorganizer.ml.ModelFolder;
import org.imageorganizer.ml.VerifiedFiles;
import org.imageorganizer.ml.download.DownloadProgress;
import org.imageorganizer.ml.download.ModelDownloadException;
import org.imageorganizer.ml.download.ModelDownloader;
import org.imageorganizer.ml.download.ModelSource;
import org.imageorganizer.ml.download.ModelSources;

/**
 * Finds the published CLIP variants in the per-user model cache, downloading them (with progress)
 * on first use.
 */
final class ModelLocator {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ModelLocator.class);

    /** When set to 1 or true, nothing is downloaded: only models already in the cache are used. */
    static final String OFFLINE_VARIABLE = "IMAGE_ORGANIZER_OFFLINE";

    private final Environment environment;
    private final PrintWriter err;
    private final boolean offline;
    private final VerifiedFiles verified;

    /**
     * @param offline whether to use only what the model cache holds (IMAGE_ORGANIZER_OFFLINE; the test
     *                suite sets it so that no test reaches the network)
     */
    ModelLocator(Environment environment, PrintWriter err, boolean offline) {
        this.environment = environment;
        this.err = err;
        this.offline = offline;
        this.verified = new VerifiedFiles(environment.verifiedFilesDir());
    }

    static boolean offline(java.util.Map<String, String> variables) {
        String value = variables.get(OFFLINE_VARIABLE);
        return value != null && (value.strip().equals("1") || value.strip().equalsIgnoreCase("true"));
    }

    /**
     * The published variants for a precision ({@link ModelSources#forPrecision}), each from the cache
     * or downloaded. A variant that cannot be had is left out (and logged) as long as another one can.
     *
     * @param precision auto, fp32, int8 or bf16
     * @param progress  told about every chunk written
     * @throws ModelException naming every reason when no variant can be had
     */
    List<ModelFolder> download(String precision, DownloadProgress progress) {
        List<ModelSource> sources = ModelSources.forPrecision(precision);
        if (sources.isEmpty()) {
            throw new ModelException("No " + precision + " variant of the CLIP model is published for download: "
                    + "make one with scripts/make_variants.py and pass its folder with --model-dir.");
        }
        ModelDownloader downloader = new ModelDownloader(environment.modelsDir(), verified);
        List<ModelFolder> folders = new ArrayList<>();
        List<ModelException> failures = new ArrayList<>();
        for (ModelSource source : sources) {
            try {
                folders.add(offline ? cachedOnly(source) : downloader.downloadFolder(source, progress));
            } catch (ModelException e) {
                failures.add(e);
            }
        }
        if (folders.isEmpty()) {
            // the whole of each reason, with the URLs to fetch by hand, goes to the log; the user reads what to do
            failures.forEach(f -> LOG.warn("Model variant not available: {}", f.getMessage()));
            // the last failure is the cause, so that "offline" is recognised by its type as well
            throw new ModelException(NoModelMessage.of(sources, failures, offline), failures.get(failures.size() - 1));
        }
        failures.forEach(f -> LOG.info("Model variant left out: {}", f.getMessage()));
        return folders;
    }

    private ModelFolder cachedOnly(ModelSource source) {
        Path folder = environment.modelsDir().resolve(source.id());
        if (!Files.isDirectory(folder)) {
            throw new ModelDownloadException(source.name() + " is not in " + environment.modelsDir() + " and "
                    + OFFLINE_VARIABLE + " forbids downloading it.", OFFLINE_VARIABLE + " forbids downloading it, and the model cache has no copy",
                    null);
        }
        return ModelFolder.open(folder, verified);
    }

    /** Whether the model cache has a folder for every published variant of the precision: {@link #download} would not download. */
    boolean cached(String precision) {
        return ModelSources.forPrecision(precision).stream()
                .allMatch(source -> Files.isDirectory(environment.modelsDir().resolve(source.id())));
    }

    /** {@link #download(String, DownloadProgress)} with progress on the console. */
    List<ModelFolder> download(String precision) {
        return download(precision, new ConsoleProgress(err));
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
