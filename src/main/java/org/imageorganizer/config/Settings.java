package org.imageorganizer.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.imageorganizer.cluster.ClusterAlgorithm;
import org.imageorganizer.cluster.ClusterSettings;
import org.imageorganizer.ml.LabelSettings;

/**
 * The user's settings, saved as {@code settings.json} in the config folder. Missing fields take
 * their defaults; {@code model_dir} and {@code database} are empty unless the user chose them.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Settings(
        @JsonProperty("labels") LabelSettings labels,
        @JsonProperty("tta_views") Integer ttaViews,
        @JsonProperty("adaptive_tta") Boolean adaptiveTta,
        @JsonProperty("clustering") Clustering clustering,
        @JsonProperty("max_megapixels") Integer maxMegapixels,
        @JsonProperty("model_dir") String modelDir,
        @JsonProperty("database") String database,
        @JsonProperty("server_port") Integer serverPort) {

    public static final int DEFAULT_VIEWS = 3;

    public Settings {
        labels = labels == null ? LabelSettings.defaults() : labels;
        ttaViews = ttaViews == null ? DEFAULT_VIEWS : ttaViews;
        adaptiveTta = adaptiveTta != null && adaptiveTta;
        clustering = clustering == null ? Clustering.from(ClusterSettings.defaults()) : clustering;
        maxMegapixels = maxMegapixels == null ? 100 : maxMegapixels;
        serverPort = serverPort == null ? ServerOptions.DEFAULT_PORT : serverPort;
        if (serverPort < 0 || serverPort > 65535) {
            throw new IllegalArgumentException("server_port must be between 0 and 65535, got " + serverPort);
        }
        if (ttaViews < 1 || ttaViews > 16) {
            throw new IllegalArgumentException("tta_views must be between 1 and 16, got " + ttaViews);
        }
        if (maxMegapixels < 1 || maxMegapixels > 2000) {
            throw new IllegalArgumentException("max_megapixels must be between 1 and 2000, got " + maxMegapixels);
        }
        clustering.toClusterSettings(); // validates
    }

    public static Settings defaults() {
        return new Settings(null, null, null, null, null, null, null, null);
    }

    public Settings withTtaViews(int views) {
        return new Settings(labels, views, adaptiveTta, clustering, maxMegapixels, modelDir, database, serverPort);
    }

    public Settings withServerPort(int port) {
        return new Settings(labels, ttaViews, adaptiveTta, clustering, maxMegapixels, modelDir, database, port);
    }

    public Settings withModelDir(String dir) {
        return new Settings(labels, ttaViews, adaptiveTta, clustering, maxMegapixels, dir, database, serverPort);
    }

    public Settings withLabels(LabelSettings newLabels) {
        return new Settings(newLabels, ttaViews, adaptiveTta, clustering, maxMegapixels, modelDir, database, serverPort);
    }

    public Settings withAdaptiveTta(boolean adaptive) {
        return new Settings(labels, ttaViews, adaptive, clustering, maxMegapixels, modelDir, database, serverPort);
    }

    /** A copy with another library database ({@code null}: the default one). */
    public Settings withDatabase(String newDatabase) {
        return new Settings(labels, ttaViews, adaptiveTta, clustering, maxMegapixels, modelDir, newDatabase, serverPort);
    }

    public Settings withClustering(Clustering newClustering) {
        return new Settings(labels, ttaViews, adaptiveTta, newClustering, maxMegapixels, modelDir, database, serverPort);
    }

    /** Clustering parameters as they appear in the settings file. */
    public record Clustering(
            @JsonProperty("algorithm") String algorithm,
            @JsonProperty("min_cluster_size") int minClusterSize,
            @JsonProperty("min_samples") int minSamples,
            @JsonProperty("k") int k,
            @JsonProperty("min_group_size") int minGroupSize) {

        public Clustering {
            ClusterSettings d = ClusterSettings.defaults();
            algorithm = algorithm == null ? d.algorithm().name().toLowerCase(java.util.Locale.ROOT) : algorithm;
            minClusterSize = minClusterSize == 0 ? d.minClusterSize() : minClusterSize;
            minSamples = minSamples == 0 ? d.minSamples() : minSamples;
            minGroupSize = minGroupSize == 0 ? 2 * minClusterSize : minGroupSize;
        }

        static Clustering from(ClusterSettings s) {
            return new Clustering(s.algorithm().name().toLowerCase(java.util.Locale.ROOT), s.minClusterSize(),
                    s.minSamples(), s.k(), s.minGroupSize());
        }

        /** The clustering parameters; a bad value is reported with its name in the settings file. */
        public ClusterSettings toClusterSettings() {
            try {
                return new ClusterSettings(ClusterAlgorithm.parse(algorithm), minClusterSize, minSamples, k, minGroupSize,
                        ClusterSettings.DEFAULT_SEED);
            } catch (IllegalArgumentException e) {
                String message = String.valueOf(e.getMessage())
                        .replace("minClusterSize", "clustering.min_cluster_size")
                        .replace("minSamples", "clustering.min_samples")
                        .replace("minGroupSize", "clustering.min_group_size")
                        .replaceFirst("^k ", "clustering.k ");
                throw new IllegalArgumentException(message, e);
            }
        }

        public Clustering withAlgorithm(String newAlgorithm) {
            return new Clustering(newAlgorithm, minClusterSize, minSamples, k, minGroupSize);
        }
    }
}
