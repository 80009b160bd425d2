package org.imageorganizer.ui.library;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imageorganizer.model.BackgroundGroup;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.ObjectGroup;
import org.imageorganizer.model.SubCluster;

/**
 * Builds the tree All → object → background → sub-cluster from a snapshot. Object and background
 * counts come from the library as it is now; a group's sub-clusters are shown once they were
 * computed for exactly its current images (until then, while some of its images are pending, the
 * group has no cluster rows).
 */
public final class LibraryTreeBuilder {
    /** The photos no cluster took (not "Other", the category of unsure labels). */
    static final String UNGROUPED = "Ungrouped";

    private LibraryTreeBuilder() {
    }

    /**
     * @param filter text a category name must contain (case-insensitive) for its rows to stay;
     *               an object that matches keeps all its backgrounds
     */
    public static NodeTree build(LibrarySnapshot snapshot, String filter) {
        String needle = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        Map<GroupKey, BackgroundGroup> computed = computedGroups(snapshot);
        Map<String, List<Map.Entry<GroupKey, List<Long>>>> byObject = new LinkedHashMap<>();
        snapshot.membership().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> byObject.computeIfAbsent(e.getKey().objectLabel(), k -> new ArrayList<>()).add(e));

        List<NodeTree> objects = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        for (Map.Entry<String, List<Map.Entry<GroupKey, List<Long>>>> object : byObject.entrySet()) {
            boolean objectMatches = matches(object.getKey(), needle);
            List<NodeTree> backgrounds = new ArrayList<>();
            List<Long> objectIds = new ArrayList<>();
            for (Map.Entry<GroupKey, List<Long>> group : object.getValue()) {
                String background = group.getKey().backgroundLabel();
                if (!objectMatches && !matches(background, needle)) {
                    continue;
                }
                objectIds.addAll(group.getValue());
                BackgroundGroup clustered = current(computed.get(group.getKey()), group.getValue());
                backgrounds.add(new NodeTree(new TreeNode(TreeNode.Level.BACKGROUND, display(background), object.getKey(),
                        background, 0, group.getValue(), clustered == null ? null : clustered.coverImageId()),
                        clusters(group.getKey(), clustered)));
            }
            if (backgrounds.isEmpty()) {
                continue;
            }
            backgrounds.sort(Comparator.comparingInt((NodeTree n) -> -n.node().count()).thenComparing(n -> n.node().label()));
            all.addAll(objectIds);
            Long cover = backgrounds.stream().map(n -> n.node().coverImageId()).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null); // the largest group's with one
            objects.add(new NodeTree(new TreeNode(TreeNode.Level.OBJECT, display(object.getKey()), object.getKey(), null, 0,
                    objectIds, cover), backgrounds));
        }
        objects.sort(Comparator.comparingInt((NodeTree n) -> -n.node().count()).thenComparing(n -> n.node().label()));
        all.sort(Comparator.reverseOrder());
        return new NodeTree(new TreeNode(TreeNode.Level.ALL, "All photos", null, null, 0, all), objects);
    }

    /** The group's clustering when it is the one of its current members (else its clusters are not shown yet). */
    private static BackgroundGroup current(BackgroundGroup computed, List<Long> members) {
        return computed == null || computed.clusters().stream().anyMatch(SubCluster::pending)
                || !sameIds(computed.imageIds(), members) ? null : computed;
    }

    private static List<NodeTree> clusters(GroupKey key, BackgroundGroup computed) {
        if (computed == null) {
            return List.of();
        }
        List<NodeTree> rows = new ArrayList<>();
        NodeTree noise = null;
        for (SubCluster cluster : computed.clusters()) {
            TreeNode node = new TreeNode(TreeNode.Level.CLUSTER, clusterLabel(cluster), key.objectLabel(),
                    key.backgroundLabel(), cluster.clusterId(), cluster.imageIds(), cluster.coverImageId());
            if (cluster.noise()) {
                noise = new NodeTree(node, List.of());
            } else {
                rows.add(new NodeTree(node, List.of()));
            }
        }
        if (noise != null) {
            rows.add(noise);
        }
        return rows;
    }

    /**
     * The user's name for a cluster, else the name suggested for it, marked as a suggestion ("Beach (suggested)"),
     * else its stable number from 1; the noise is "Ungrouped".
     */
    static String clusterLabel(SubCluster cluster) {
        if (cluster.noise()) {
            return UNGROUPED;
        }
        if (cluster.name() != null) {
            return cluster.name();
        }
        return cluster.suggestedName() != null ? suggested(cluster.suggestedName()) : numbered(cluster.clusterId());
    }

    /** How a suggested name shows until the user names the cluster. */
    static String suggested(String name) {
        String shown = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return shown + " (suggested)";
    }

    /** What an unnamed cluster is called: its stable number from 1 ("Cluster 3"). */
    public static String numbered(int clusterId) {
        return "Cluster " + (clusterId + 1);
    }

    private static boolean sameIds(List<Long> a, List<Long> b) {
        return a.size() == b.size() && new java.util.HashSet<>(a).equals(new java.util.HashSet<>(b));
    }

    private static Map<GroupKey, BackgroundGroup> computedGroups(LibrarySnapshot snapshot) {
        Map<GroupKey, BackgroundGroup> groups = new HashMap<>();
        for (ObjectGroup object : snapshot.clusters().objects()) {
            for (BackgroundGroup background : object.subgroups()) {
                groups.put(new GroupKey(object.objectCategory(), background.backgroundCategory()), background);
            }
        }
        return groups;
    }

    private static boolean matches(String name, String needle) {
        return needle.isEmpty() || name.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** "golden retriever" → "Golden retriever". */
    public static String display(String label) {
        return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
