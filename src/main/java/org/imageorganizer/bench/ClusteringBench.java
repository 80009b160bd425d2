package org.imageorganizer.bench;

import java.util.List;
import java.util.Map;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.cluster.ClusterMatching;
import org.imageorganizer.cluster.ClustererFactory;
import org.imageorganizer.cluster.GroupClusterer;
import org.imageorganizer.cluster.ParallelGroups;
import org.imageorganizer.model.EmbeddedImage;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.SubCluster;

/**
 * Sub-clustering a whole synthetic library, group by group, as the product does after an import: each group is
 * clustered, then its clusters are matched to the group's previous ones (ADR 0043; here the same clusters, as after
 * a change that did not move them, where every cluster overlaps an old one). The matching's own time is reported.
 */
final class ClusteringBench {

    record Result(int images, String algorithm, double seconds, long peakHeapBytes, int clusters, int noise,
            double matchingMillis) {
    }

    Result run(int images, ClusterSettings settings) {
        Map<GroupKey, List<EmbeddedImage>> library = SyntheticLibrary.generate(images, 512, 7);
        GroupClusterer clusterer = new GroupClusterer(ClustererFactory.create(settings), settings);
        HeapPeak.reset();
        Stopwatch watch = new Stopwatch();
        java.util.concurrent.atomic.AtomicInteger clusters = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger noise = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong matchingNanos = new java.util.concurrent.atomic.AtomicLong();
        // as LibraryClusterer does: groups in parallel, largest first
        ParallelGroups.forEach(List.copyOf(library.values()), List::size, ParallelGroups.defaultThreads(), group -> {
            List<SubCluster> fresh = clusterer.clusterGroup(group);
            long start = System.nanoTime();
            List<SubCluster> matched = ClusterMatching.match(fresh, fresh, 0).clusters();
            matchingNanos.addAndGet(System.nanoTime() - start);
            for (SubCluster c : matched) {
                if (c.noise()) {
                    noise.addAndGet(c.imageIds().size());
                } else {
                    clusters.incrementAndGet();
                }
            }
        });
        double seconds = watch.seconds();
        return new Result(images, ClustererFactory.create(settings).describe(), seconds, HeapPeak.peakBytes(), clusters.get(),
                noise.get(), matchingNanos.get() / 1e6);
    }
}
