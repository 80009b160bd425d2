package org.imageorganizer.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.imageorganizer.model.BackgroundGroup;
import org.imageorganizer.model.ObjectGroup;
import org.imageorganizer.model.OrganizedTree;
import org.imageorganizer.store.StoredGroupClustering;

/** Assembles stored group results into the object → background → cluster tree, largest groups first. */
final class TreeBuilder {
    private TreeBuilder() {
    }

    static OrganizedTree build(Collection<StoredGroupClustering> groups, long version, boolean stale) {
        Map<String, List<BackgroundGroup>> byObject = new TreeMap<>();
        for (StoredGroupClustering group : groups) {
            List<Long> ids = new ArrayList<>();
            group.clusters().forEach(c -> ids.addAll(c.imageIds()));
            ids.sort(null);
            byObject.computeIfAbsent(group.group().objectLabel(), k -> new ArrayList<>())
                    .add(new BackgroundGroup(group.group().backgroundLabel(), ids, group.clusters()));
        }
        Comparator<BackgroundGroup> largestBackground = Comparator
                .comparingInt((BackgroundGroup b) -> b.imageIds().size()).reversed()
                .thenComparing(BackgroundGroup::backgroundCategory);
        List<ObjectGroup> objects = new ArrayList<>();
        byObject.forEach((object, backgrounds) -> {
            backgrounds.sort(largestBackground);
            int total = backgrounds.stream().mapToInt(b -> b.imageIds().size()).sum();
            objects.add(new ObjectGroup(object, total, backgrounds));
        });
        objects.sort(Comparator.comparingInt(ObjectGroup::totalImages).reversed().thenComparing(ObjectGroup::objectCategory));
        return new OrganizedTree(version, stale, objects);
    }

}
