package org.imageorganizer.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.model.EmbeddedImage;
import org.imageorganizer.model.SubCluster;

/**
 * Splits one object → background group into {@link SubCluster}s, numbered canonically (ADR 0043).
 *
 * <p>Images are ordered by content hash first (then id), so the clusterer (its sample of a large group
 * included) sees the same photos in the same order whatever order they were imported in. The clusters
 * are numbered by size, largest first, then by the smallest content hash among their photos. Groups with
 * fewer than {@link ClusterSettings#minGroupSize()} images are not clustered: they come back whole as
 * cluster 0. Every image appears in exactly one sub-cluster; noise is kept, never dropped. Each cluster
 * carries its cover: the photo nearest its centre (the mean of its members' unit embeddings).
 */
public final class GroupClusterer {
    private static final Comparator<EmbeddedImage> CONTENT_ORDER =
            Comparator.comparing(EmbeddedImage::sha256).thenComparingLong(EmbeddedImage::id);

    private final Clusterer clusterer;
    private final ClusterSettings settings;

    /**
     * @param clusterer the algorithm for groups that are large enough
     * @param settings  supplies {@link ClusterSettings#minGroupSize()}
     */
    public GroupClusterer(Clusterer clusterer, ClusterSettings settings) {
        this.clusterer = Objects.requireNonNull(clusterer, "clusterer");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * What the stored clusterings record as their algorithm: the clusterer, the smallest group clustered, and
     * that the inputs are in content order (clusterings stored before were made in id order: they are made again).
     */
    public String describe() {
        return description(clusterer, settings);
    }

    static String description(Clusterer clusterer, ClusterSettings settings) {
        return clusterer.describe() + ", minGroupSize=" + settings.minGroupSize() + ", content order";
    }

    /**
     * Clusters one group.
     *
     * @param images the group's images, each id once, each with its content hash, all embeddings of one dimension
     * @return the clusters in ascending cluster id (0 the largest), each with ascending image ids and its cover,
     *         followed by the noise cluster ({@link SubCluster#NOISE_ID}, {@code noise = true}) if any image is
     *         noise; empty for no images
     * @throws IllegalArgumentException if an id occurs twice
     */
    public List<SubCluster> clusterGroup(List<EmbeddedImage> images) {
        List<EmbeddedImage> sorted = new ArrayList<>(images);
        sorted.sort(CONTENT_ORDER);
        java.util.Set<Long> seen = new java.util.HashSet<>(sorted.size() * 2);
        for (EmbeddedImage image : sorted) {
            if (!seen.add(image.id())) {
                throw new IllegalArgumentException("image id " + image.id() + " occurs more than once");
            }
        }
        if (sorted.isEmpty()) {
            return List.of();
        }
        if (sorted.size() < settings.minGroupSize()) {
            return List.of(cluster(0, sorted));
        }
        float[][] vectors = sorted.stream().map(EmbeddedImage::embedding).toArray(float[][]::new);
        int[] labels = clusterer.cluster(vectors);
        if (labels.length != sorted.size()) {
            throw new IllegalStateException(clusterer.describe() + " returned " + labels.length
                    + " labels for " + sorted.size() + " images");
        }
        return toSubClusters(sorted, labels);
    }

    private List<SubCluster> toSubClusters(List<EmbeddedImage> sorted, int[] labels) {
        TreeMap<Integer, List<EmbeddedImage>> byLabel = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < SubCluster.NOISE_ID) {
                throw new IllegalStateException(clusterer.describe() + " returned label " + labels[i]);
            }
            byLabel.computeIfAbsent(labels[i], x -> new ArrayList<>()).add(sorted.get(i)); // content order
        }
        List<EmbeddedImage> noise = byLabel.remove(SubCluster.NOISE_ID);
        List<List<EmbeddedImage>> clusters = new ArrayList<>(byLabel.values());
        // largest first, then the smallest content hash (each list's first member, as it is in content order)
        clusters.sort(Comparator.comparingInt((List<EmbeddedImage> c) -> c.size()).reversed()
                .thenComparing(c -> c.get(0).sha256()));
        List<SubCluster> result = new ArrayList<>(clusters.size() + 1);
        for (int id = 0; id < clusters.size(); id++) {
            result.add(cluster(id, clusters.get(id)));
        }
        if (noise != null) {
            result.add(new SubCluster(SubCluster.NOISE_ID, true, ascendingIds(noise)));
        }
        int total = result.stream().mapToInt(c -> c.imageIds().size()).sum();
        if (total != sorted.size()) {
            throw new IllegalStateException("clustering lost images: " + total + " of " + sorted.size());
        }
        return result;
    }

    private static SubCluster cluster(int id, List<EmbeddedImage> members) {
        return new SubCluster(id, ascendingIds(members), cover(members));
    }

    private static List<Long> ascendingIds(List<EmbeddedImage> members) {
        return members.stream().map(EmbeddedImage::id).sorted().toList();
    }

    /**
     * The member nearest the cluster's centre: the largest cosine with the mean of the members' unit vectors
     * (the first in content order on a tie); the first member when no embedding has a direction.
     */
    static long cover(List<EmbeddedImage> members) {
        int dim = members.get(0).embedding().length;
        double[] centre = new double[dim];
        double[] norms = new double[members.size()];
        for (int m = 0; m < members.size(); m++) {
            float[] v = members.get(m).embedding();
            double sum = 0;
            for (float x : v) {
                sum += (double) x * x;
            }
            norms[m] = Math.sqrt(sum);
            if (norms[m] > 0) {
                for (int d = 0; d < dim; d++) {
                    centre[d] += v[d] / norms[m];
                }
            }
        }
        int best = 0;
        double bestCosine = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < members.size(); m++) {
            if (norms[m] == 0) {
                continue;
            }
            float[] v = members.get(m).embedding();
            double dot = 0;
            for (int d = 0; d < dim; d++) {
                dot += v[d] * centre[d];
            }
            double cosine = dot / norms[m]; // the centre's length is the same for every member
            if (cosine > bestCosine) {
                bestCosine = cosine;
                best = m;
            }
        }
        return members.get(best).id();
    }
}
