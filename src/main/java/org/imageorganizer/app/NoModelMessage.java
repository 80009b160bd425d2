package org.imageorganizer.app;

import java.util.List;
import java.util.Locale;
import org.imageorganizer.model.ModelException;
import org.imageorganizer.ml.ModelManifest;
import org.imageorganizer.ml.download.ModelDownloadException;
import org.imageorganizer.ml.download.ModelSource;
import org.imageorganizer.ml.download.RemoteFile;

/**
 * What a user reads when no variant of the CLIP model can be had: what to do first (a run with
 * network downloads the int8 variant; offline, make_model_folder.py builds it from files fetched
 * elsewhere), the README section, then why not this time; three short lines at most. The long
 * reasons, with every URL, go to the log.
 */
final class NoModelMessage {
    /** The README section that explains the model folders made by hand. */
    static final String README_SECTION = "README \"Supplying the model by hand\"";

    private NoModelMessage() {
    }

    /**
     * @param sources  the variants tried, in order
     * @param failures why each failed, in the same order
     * @param offline  whether IMAGE_ORGANIZER_OFFLINE forbade downloading
     */
    static String of(List<ModelSource> sources, List<ModelException> failures, boolean offline) {
        String n = System.lineSeparator();
        for (int i = 0; i < sources.size(); i++) {
            ModelSource source = sources.get(i);
            if (ModelManifest.INT8.equals(source.manifest().precision())) {
                String run = offline ? "Unset " + ModelLocator.OFFLINE_VARIABLE + " and run this again with network"
                        : "Run this again with network";
                return run + ": it downloads the CLIP model (int8 variant, " + megabytes(source) + ")." + n
                        + "Offline: scripts/make_model_folder.py --onnx-int8 … builds it (" + README_SECTION + ")." + n
                        + "Not this time: " + reason(failures.get(i)) + ".";
            }
        }
        String what = sources.isEmpty() ? "the model" : "the " + sources.get(0).manifest().precision() + " variant";
        return "Use --precision int8 (a run with network downloads it), or supply " + what + " by hand ("
                + README_SECTION + ")." + n
                + "Not this time: " + (failures.isEmpty() ? "nothing to download" : reason(failures.get(0))) + ".";
    }

    private static String reason(ModelException e) {
        String reason = e instanceof ModelDownloadException d ? d.reason() : e.getMessage();
        reason = reason.lines().findFirst().orElse("").strip();
        if (reason.endsWith(".")) {
            reason = reason.substring(0, reason.length() - 1);
        }
        boolean capitalised = reason.length() > 1 && Character.isUpperCase(reason.charAt(0))
                && Character.isLowerCase(reason.charAt(1));
        return capitalised ? reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1) : reason;
    }

    private static String megabytes(ModelSource source) {
        long bytes = source.files().stream().mapToLong(RemoteFile::expectedSize).filter(s -> s > 0).sum();
        return Math.round(bytes / 1e6) + " MB";
    }
}
