package org.imageorganizer.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.imageorganizer.model.ClusterAlgorithm;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.model.LabelSettings;

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
        @JsonProperty("server_port") Integer serverPort,
        @JsonProperty("cloudinary") Cloudinary cloudinary,
        @JsonProperty("precision") String precision,
        @JsonProperty("theme") String theme) {

    public static final int DEFAULT_VIEWS = 3;
    /** The model precisions {@code precision} may name; {@code auto} (the default) measures the variants present. */
    public static final java.util.List<String> PRECISIONS = java.util.List.of("auto", "fp32", "bf16", "int8");
    /** The window themes {@code theme} may name; {@code system} (the default) follows the operating system. */
    public static final java.util.List<String> THEMES = java.util.List.of("system", "light", "dark");

    /** The settings with the default theme ({@code system}). */
    public Settings(LabelSettings labels, Integer ttaViews, Boolean adaptiveTta, Clustering clustering,
            Integer maxMegapixels, String modelDir, String database, Integer serverPort, Cloudinary cloudinary,
            String precision) {
        this(labels, ttaViews, adaptiveTta, clustering, maxMegapixels, modelDir, database, serverPort, cloudinary,
                precision, null);
    }

    /** The settings with the default model precision ({@code auto}). */
    public Settings(LabelSettings labels, Integer ttaViews, Boolean adaptiveTta, Clustering clustering,
            Integer maxMegapixels, String modelDir, String database, Integer serverPort, Cloudinary cloudinary) {
        this(labels, ttaViews, adaptiveTta, clustering, maxMegapixels, modelDir, database, serverPort, cloudinary, null, null);
    }

    /** The settings without the Cloudinary part (its defaults). */
    public Settings(LabelSettings labels, Integer ttaViews, Boolean adaptiveTta, Clustering clustering,
            Integer maxMegapixels, String modelDir, String database, Integer serverPort) {
        this(labels, ttaViews, adaptiveTta, clustering, maxMegapixels, modelDir, database, serverPort, null, null, null);
    }

    public Settings {
        labels = labels == null ? LabelSettings.defaults() : labels;
        ttaViews = ttaViews == null ? DEFAULT_VIEWS : ttaViews;
        adaptiveTta = adaptiveTta != null && adaptiveTta;
        clustering = clustering == null ? Clustering.from(ClusterSettings.defaults()) : clustering;
        maxMegapixels = maxMegapixels == null ? 100 : maxMegapixels;
        serverPort = serverPort == null ? ServerOptions.DEFAULT_PORT : serverPort;
        cloudinary = cloudinary == null ? Cloudinary.defaults() : cloudinary;
        precision = precision == null || precision.isBlank() ? "auto" : precision.strip().toLowerCase(java.util.Locale.ROOT);
        theme = theme == null || theme.isBlank() ? "system" : theme.strip().toLowerCase(java.util.Locale.ROOT);
        if (!THEMES.contains(theme)) {
            throw new IllegalArgumentException("theme must be system, light or dark, got " + theme);
        }
        if (!PRECISIONS.contains(precision)) {
            throw new IllegalArgumentException("precision must be auto, fp32, bf16 or int8, got " + precision);
        }
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
        return new Settings(null, null, null, null, null, null, null, null, null, null, null);
    }

    public Settings withTtaViews(int views) {
        return new Settings(labels, views, adaptiveTta, clustering, maxMegapixels, modelDir, database, serverPort, cloudinary, precision, theme);
    }

    public Settings withServerPort(int port) {
        return new Settings(labels, ttaViews, adaptiveTta, clustering, maxMegapixels, modelDir, database, port, cloudinary, precision, theme);
    }

    public Settings withModelDir(String dir) {
        return new Settings(labels, ttaViews, adaptiveTta, clustering, maxMegapixels, dir, database, serverPort, cloudinary, precision, theme);
    }

    public Settings withLabels(LabelSettings newLabels) {
        return new Settings(newLabels, ttaViews, adaptiveTta, clustering, maxMegapixels, modelDir, database, serverPort, cloudinary, precision, theme);
    }

    public Settings withAdaptiveTta(boolean adaptive) {
        return new Settings(labels, ttaViews, adaptive, clustering, maxMegapixels, modelDir, database, serverPort, cloudinary, precision, theme);
    }

    /** A copy with another library database ({@code null}: the default one). */
    public Settings withDatabase(String newDatabase) {
        return new Settings(labels, ttaViews, adaptiveTta, clustering, maxMegapixels, modelDir, newDatabase, serverPort, cloudinary, precision, theme);
    }

    public Settings withClustering(Clustering newClustering) {
        return new Settings(labels, ttaViews, adaptiveTta, newClustering, maxMegapixels, modelDir, database, serverPort, cloudinary, precision, theme);
    }

    public Settings withCloudinary(Cloudinary newCloudinary) {
        return new Settings(labels, ttaViews, adaptiveTta, clustering, maxMegapixels, modelDir, database, serverPort, newCloudinary, precision, theme);
    }

    /** A copy with another model precision: auto, fp32, bf16 or int8. */
    public Settings withPrecision(String newPrecision) {
        return new Settings(labels, ttaViews, adaptiveTta, clustering, maxMegapixels, modelDir, database, serverPort,
                cloudinary, newPrecision, theme);
    }

    /** A copy with another window theme: system, light or dark. */
    public Settings withTheme(String newTheme) {
        return new Settings(labels, ttaViews, adaptiveTta, clustering, maxMegapixels, modelDir, database, serverPort,
                cloudinary, precision, newTheme);
    }

    /** Whether saving these settings writes a secret (then the file is readable by its owner only). */
    public boolean holdsSecret() {
        return cloudinary.url() != null;
    }

    @Override
    public String toString() {
        return "Settings[labels=" + labels + ", ttaViews=" + ttaViews + ", adaptiveTta=" + adaptiveTta + ", clustering="
                + clustering + ", maxMegapixels=" + maxMegapixels + ", modelDir=" + modelDir + ", database=" + database
                + ", serverPort=" + serverPort + ", cloudinary=" + cloudinary + ", precision=" + precision + ", theme=" + theme + "]";
    }

    /**
     * Cloudinary, for the server's uploads and the {@code sync} of a library.
     *
     * @param url         the account (cloudinary://API_KEY:API_SECRET@CLOUD_NAME); the CLOUDINARY_URL
     *                    environment variable wins over it. A settings file that holds it is readable by its owner only.
     * @param delivery    "authenticated" (default: signed links only, full-size links expire) or "public"
     * @param onDelete    what deleting an image in the app does to its Cloudinary copy: "delete" (default) or
     *                    "keep" (it stays, tagged image-organizer-deleted)
     * @param folder      the folder the copies go to (default image-organizer)
     * @param concurrency uploads at once during a sync, 1 to 16 (default 4)
     */
    public record Cloudinary(
            @JsonProperty("url") String url,
            @JsonProperty("delivery") String delivery,
            @JsonProperty("on_delete") String onDelete,
            @JsonProperty("folder") String folder,
            @JsonProperty("concurrency") Integer concurrency) {

        public Cloudinary {
            url = url == null || url.isBlank() ? null : url.strip();
            delivery = delivery == null || delivery.isBlank() ? "authenticated" : delivery.strip().toLowerCase(java.util.Locale.ROOT);
            onDelete = onDelete == null || onDelete.isBlank() ? "delete" : onDelete.strip().toLowerCase(java.util.Locale.ROOT);
            folder = folder == null || folder.isBlank() ? "image-organizer" : folder.strip();
            concurrency = concurrency == null ? 4 : concurrency;
            if (!delivery.equals("authenticated") && !delivery.equals("public")) {
                throw new IllegalArgumentException("cloudinary.delivery must be \"authenticated\" or \"public\", got \"" + delivery + "\"");
            }
            if (!onDelete.equals("delete") && !onDelete.equals("keep")) {
                throw new IllegalArgumentException("cloudinary.on_delete must be \"delete\" or \"keep\", got \"" + onDelete + "\"");
            }
            if (concurrency < 1 || concurrency > 16) {
                throw new IllegalArgumentException("cloudinary.concurrency must be between 1 and 16, got " + concurrency);
            }
            if (url != null && !url.startsWith("cloudinary://")) {
                throw new IllegalArgumentException("cloudinary.url must start with cloudinary://");
            }
        }

        public static Cloudinary defaults() {
            return new Cloudinary(null, null, null, null, null);
        }

        public Cloudinary withUrl(String newUrl) {
            return new Cloudinary(newUrl, delivery, onDelete, folder, concurrency);
        }

        public Cloudinary withOnDelete(String newOnDelete) {
            return new Cloudinary(url, delivery, newOnDelete, folder, concurrency);
        }

        /** Never shows the secret. */
        @Override
        public String toString() {
            return "Cloudinary[url=" + (url == null ? null : url.replaceAll("(cloudinary://[^:@/]*:)[^@]*@", "$1****@"))
                    + ", delivery=" + delivery + ", onDelete=" + onDelete + ", folder=" + folder
                    + ", concurrency=" + concurrency + "]";
        }
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
