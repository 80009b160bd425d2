package org.imageorganizer.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.imageorganizer.model.ClusterSettings;
import org.imageorganizer.cluster.LibraryClusterer;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.EmbeddedImage;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.NewImage;

/**
 * A library file for the REST benchmark, written straight to the database without photos or a
 * model: the synthetic embeddings of {@link SyntheticLibrary} (20 object/background groups, the
 * largest 40%), inserted in a shuffled order so that the groups interleave as in a real library,
 * as uploads with made-up keys (listing images never reads their files), then clustered once.
 */
final class RestLibrary {
    private static final int BATCH = 500;
    /** The embeddings' length when no model says otherwise (CLIP ViT-B/32's). */
    static final int DIMENSION = 512;
    private static final String MODEL_ID = "synthetic-embeddings";

    /**
     * @param database        the H2 file
     * @param images          images in it
     * @param insertSeconds   time to insert them
     * @param clusterSeconds  time to cluster them (LibraryClusterer.refreshNow)
     * @param largestObject   the object label with the most images
     * @param largestObjectImages its number of images
     */
    record Built(Path database, int images, double insertSeconds, double clusterSeconds, String largestObject,
            long largestObjectImages) {
    }

    private RestLibrary() {
    }

    /** Writes a new library of {@code images} images at {@code database} and closes it again. */
    /** @param clusterers the library's clustering as the application builds it ({@link BenchServices#clusterer}) */
    static Built build(Path database, int images, long seed,
            BiFunction<LibraryDatabase, ClusterSettings, LibraryClusterer> clusterers) {
        return build(database, images, DIMENSION, seed, clusterers);
    }

    /** As {@link #build(Path, int, long, BiFunction)}, with embeddings of {@code dimension} numbers (the model's, to search them). */
    static Built build(Path database, int images, int dimension, long seed,
            BiFunction<LibraryDatabase, ClusterSettings, LibraryClusterer> clusterers) {
        List<EmbeddedImage> all = new ArrayList<>(images);
        Map<GroupKey, List<EmbeddedImage>> groups = SyntheticLibrary.generate(images, dimension, seed);
        groups.values().forEach(all::addAll);
        Random random = new Random(seed);
        Collections.shuffle(all, random);
        try (LibraryDatabase library = LibraryDatabase.open(database)) {
            Stopwatch insertWatch = new Stopwatch();
            List<NewImage> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < all.size(); i++) {
                batch.add(newImage(i + 1, all.get(i), random));
                if (batch.size() == BATCH || i == all.size() - 1) {
                    library.images().insertAll(batch);
                    batch.clear();
                }
            }
            double insertSeconds = insertWatch.seconds();
            Stopwatch clusterWatch = new Stopwatch();
            try (LibraryClusterer clusterer = clusterers.apply(library, ClusterSettings.defaults())) {
                clusterer.refreshNow();
            }
            double clusterSeconds = clusterWatch.seconds();
            String largest = null;
            long largestCount = -1;
            for (String object : groups.keySet().stream().map(GroupKey::objectLabel).distinct().toList()) {
                long count = library.images().count(object, null);
                if (count > largestCount) {
                    largest = object;
                    largestCount = count;
                }
            }
            return new Built(database, images, insertSeconds, clusterSeconds, largest, largestCount);
        }
    }

    /** An upload as the server would have stored it, with a made-up content hash and storage key. */
    private static NewImage newImage(long n, EmbeddedImage image, Random random) {
        Classification classification = new Classification(
                new Label(image.objectLabel(), 0.3 + 0.7 * random.nextDouble()),
                new Label(image.backgroundLabel(), 0.3 + 0.7 * random.nextDouble()));
        int width = 1600 + 16 * random.nextInt(150);
        return new NewImage(String.format("%064x", n), String.format("%032x.jpg", n), String.format("IMG_%05d.jpg", n),
                500_000 + random.nextInt(4_000_000), width, width * 3 / 4, "jpeg", StorageKind.MANAGED, classification,
                image.embedding(), MODEL_ID);
    }
}
