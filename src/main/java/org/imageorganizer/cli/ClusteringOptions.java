package org.imageorganizer.cli;

import org.imageorganizer.model.ClusterAlgorithm;
import org.imageorganizer.model.ClusterSettings;
import picocli.CommandLine.Option;

/** {@code --algorithm} and {@code --k}, shared by the commands that show clusters. */
final class ClusteringOptions {
    @Option(names = "--algorithm", paramLabel = "hdbscan|kmeans",
            description = "Sub-clustering algorithm (default from settings: hdbscan). Results are kept per algorithm "
                    + "setting: switching recomputes them.")
    String algorithm;

    @Option(names = "--k", paramLabel = "K", description = "k-means: clusters per group (0 = choose automatically).")
    Integer k;

    /** Checks the options alone, without reading the settings: a mistake in them is said before anything is opened. */
    void check() {
        apply(ClusterSettings.defaults());
    }

    /** The user's clustering settings with these options applied. */
    ClusterSettings resolve(CliServices services) {
        return apply(services.settings().clustering().toClusterSettings());
    }

    ClusterSettings apply(ClusterSettings settings) {
        try {
            ClusterSettings result = settings;
            if (algorithm != null) {
                result = result.withAlgorithm(ClusterAlgorithm.parse(algorithm));
            }
            if (k != null) {
                result = result.withK(k);
            }
            return result;
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }
}
