package org.imageorganizer.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.imageorganizer.model.EmbeddedImage;
import org.imageorganizer.model.GroupKey;

/**
 * Embeddings with a realistic group structure: 20 object/background groups whose sizes follow a
 * long tail (the largest holds 40% of the images), each made of a few visual sub-clusters plus
 * scattered images, all unit vectors in CLIP's 512 dimensions.
 */
final class SyntheticLibrary {
    static final int GROUPS = 20;
    static final double LARGEST_SHARE = 0.4;

    private SyntheticLibrary() {
    }

    static Map<GroupKey, List<EmbeddedImage>> generate(int images, int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] sizes = groupSizes(images);
        Map<GroupKey, List<EmbeddedImage>> groups = new LinkedHashMap<>();
        long id = 1;
        for (int g = 0; g < GROUPS; g++) {
            float[] groupCentre = randomUnit(random, dimension);
            int subClusters = 3 + random.nextInt(8);
            float[][] centres = new float[subClusters][];
            for (int c = 0; c < subClusters; c++) {
                centres[c] = mix(groupCentre, randomUnit(random, dimension), 0.6f);
            }
            GroupKey key = new GroupKey("object" + g / 4, "background" + g % 4 + "-" + g);
            List<EmbeddedImage> members = new ArrayList<>(sizes[g]);
            for (int i = 0; i < sizes[g]; i++) {
                float[] v = random.nextDouble() < 0.1
                        ? mix(groupCentre, randomUnit(random, dimension), 0.9f) // scattered: likely noise
                        : mix(centres[random.nextInt(subClusters)], randomUnit(random, dimension), 0.25f);
                members.add(new EmbeddedImage(id, contentHash(id), key.objectLabel(), key.backgroundLabel(), v));
                id++;
            }
            groups.put(key, members);
        }
        return groups;
    }

    /** A stand-in for a photo's content hash: the SHA-256 of its id, in hex (unrelated to the id's order). */
    static String contentHash(long id) {
        return org.apache.commons.codec.digest.DigestUtils.sha256Hex(Long.toString(id));
    }

    /** The largest group holds 40%; the other 19 share the rest with sizes decaying geometrically. */
    static int[] groupSizes(int images) {
        int[] sizes = new int[GROUPS];
        sizes[0] = (int) Math.round(images * LARGEST_SHARE);
        double ratio = 0.8;
        double weightSum = 0;
        for (int g = 1; g < GROUPS; g++) {
            weightSum += Math.pow(ratio, g);
        }
        int rest = images - sizes[0];
        int assigned = 0;
        for (int g = 1; g < GROUPS; g++) {
            sizes[g] = (int) Math.floor(rest * Math.pow(ratio, g) / weightSum);
            assigned += sizes[g];
        }
        sizes[1] += rest - assigned;
        return sizes;
    }

    private static float[] randomUnit(SplittableRandom random, int dimension) {
        float[] v = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            v[d] = (float) random.nextGaussian();
        }
        return normalize(v);
    }

    /** normalize((1 - w) * a + w * b) */
    private static float[] mix(float[] a, float[] b, float weight) {
        float[] v = new float[a.length];
        for (int d = 0; d < a.length; d++) {
            v[d] = (1 - weight) * a[d] + weight * b[d];
        }
        return normalize(v);
    }

    private static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float inv = (float) (1 / Math.sqrt(sum));
        for (int d = 0; d < v.length; d++) {
            v[d] *= inv;
        }
        return v;
    }
}
