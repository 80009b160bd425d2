package org.imageorganizer.cluster;

import org.imageorganizer.model.ClusterSettings;

import org.imageorganizer.model.EmbeddedImage;
import org.imageorganizer.model.SubCluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Splits one object → background group into {@link SubCluster}s.
 *
 * <p>Images are sorted by id first, so the result does not depend on the order they are handed in. Groups with
 * fewer than {@link ClusterSettings#minGroupSize()} images are not clustered: they come back whole as cluster 0.
 * Every image appears in exactly one sub-cluster; noise is kept, never dropped.
 */
public final class GroupClusterer {
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
     * Clusters one group.
     *
     * @param images the group's images, each id once, all embeddings of one dimension
     * @return the clusters in ascending cluster id, each with ascending image ids, followed by the noise
     *         cluster ({@link SubCluster#NOISE_ID}, {@code noise = true}) if any image is noise; empty for no images
     * @throws IllegalArgumentException if an id occurs twice
     */
    public List<SubCluster> clusterGroup(List<EmbeddedImage> images) {
        List<EmbeddedImage> sorted = new ArrayList<>(images);
        sorted.sort(Comparator.comparingLong(EmbeddedImage::id));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).id() == sorted.get(i - 1).id()) {
                throw new IllegalArgumentException("image id " + sorted.get(i).id() + " occurs more than once");
            }
        }
        if (sorted.isEmpty()) {
            return List.of();
        }
        List<Long> ids = sorted.stream().map(EmbeddedImage::id).toList();
        if (sorted.size() < settings.minGroupSize()) {
            return List.of(new SubCluster(0, false, ids));
        }
        float[][] vectors = sorted.stream().map(EmbeddedImage::embedding).toArray(float[][]::new);
        int[] labels = clusterer.cluster(vectors);
        if (labels.length != ids.size()) {
            throw new IllegalStateException(clusterer.describe() + " returned " + labels.length
                    + " labels for " + ids.size() + " images");
        }
        return toSubClusters(ids, labels);
    }

    private List<SubCluster> toSubClusters(List<Long> ids, int[] labels) {
        TreeMap<Integer, List<Long>> byLabel = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < SubCluster.NOISE_ID) {
                throw new IllegalStateException(clusterer.describe() + " returned label " + labels[i]);
            }
            byLabel.computeIfAbsent(labels[i], x -> new ArrayList<>()).add(ids.get(i)); // ids ascending
        }
        List<SubCluster> result = new ArrayList<>();
        byLabel.forEach((label, members) -> {
            if (label != SubCluster.NOISE_ID) {
                result.add(new SubCluster(label, false, members));
            }
        });
        List<Long> noise = byLabel.get(SubCluster.NOISE_ID);
        if (noise != null) {
            result.add(new SubCluster(SubCluster.NOISE_ID, true, noise));
        }
        int total = result.stream().mapToInt(c -> c.imageIds().size()).sum();
        if (total != ids.size()) {
            throw new IllegalStateException("clustering lost images: " + total + " of " + ids.size());
        }
        return result;
    }
}
