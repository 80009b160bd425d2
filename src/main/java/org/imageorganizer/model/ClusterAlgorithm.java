package org.imageorganizer.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The sub-clustering algorithms the organiser offers. */
public enum ClusterAlgorithm {
    /** Density-based HDBSCAN*: finds the number of clusters itself and leaves outliers as noise. */
    HDBSCAN,
    /** k-means (Lloyd); with {@code k = 0} the number of clusters is chosen by X-means. No noise. */
    KMEANS;

    /**
     * Parses a user-supplied name leniently: case, surrounding blanks and punctuation are ignored, so
     * {@code "hdbscan"}, {@code "HDBSCAN*"}, {@code "k-means"} and {@code " K_Means "} are all accepted.
     *
     * @param name the name to parse
     * @return the algorithm
     * @throws IllegalArgumentException if the name is null, blank or not one of the valid names
     */
    public static ClusterAlgorithm parse(String name) {
        String wanted = name == null ? "" : name.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        for (ClusterAlgorithm a : values()) {
            if (a.name().equals(wanted)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown clustering algorithm '" + name + "'; valid names are: " + validNames());
    }

    private static String validNames() {
        return Arrays.stream(values()).map(a -> a.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
