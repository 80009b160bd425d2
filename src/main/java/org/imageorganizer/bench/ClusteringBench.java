package org.imageorganizer.bench;

import java.util.List;
import java.util.Map;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.cluster.ClustererFactory;
import org.imageorganizer.cluster.GroupClusterer;
import org.imageorganizer.cluster.ParallelGroups;
import org.imageorganizer.model.EmbeddedImage;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.SubCluster;

/** Sub-clustering a whole synthetic library, group by group, as the product does after an import. */
final class ClusteringBench {

    record Result(int images, String algorithm, double seconds, long peakHeapBytes, int clusters, int noise) {
    }

    Result run(int images, ClusterSettings settings) {
        Map<GroupKey, List<EmbeddedImage>> library = SyntheticLibrary.generate(images, 512, 7);
        GroupClusterer clusterer = new GroupClusterer(ClustererFactory.create(settings), settings);
        HeapPeak.reset();
        Stopwatch watch = new Stopwatch();
        java.util.concurrent.atomic.AtomicInteger clusters = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger noise = new java.util.concurrent.atomic.AtomicInteger();
        // as LibraryClusterer does: groups in parallel, largest first
        ParallelGroups.forEach(List.copyOf(library.values()), List::size, ParallelGroups.defaultThreads(), group -> {
            for (SubCluster c : clusterer.clusterGroup(group)) {
                if (c.noise()) {
                    noise.addAndGet(c.imageIds().size());
                } else {
                    clusters.incrementAndGet();
                }
            }
        });
        double seconds = watch.seconds();
        return new Result(images, ClustererFactory.create(settings).describe(), seconds, HeapPeak.peakBytes(), clusters.get(), noise.get());
    }
}
