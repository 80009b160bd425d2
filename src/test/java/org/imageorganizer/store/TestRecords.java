package org.imageorganizer.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;

/** Builds {@link NewImage}s (library rows, not pictures: those come from {@code testing.TestImages}) for tests. */
final class TestRecords {

    static final String MODEL = "clip-vit-b32@test";
    static final int DIM = 16;

    private TestRecords() {
    }

    static String sha(String seed) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static float[] vector(long seed) {
        Random r = new Random(seed);
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    static NewImage image(String seed, String object, String background) {
        return image(seed, object, background, vector(seed.hashCode()));
    }

    static NewImage image(String seed, String object, String background, float[] embedding) {
        return new NewImage(sha(seed), "/photos/" + seed + ".jpg", seed + ".jpg", 1000 + seed.length(), 640, 480,
                "jpeg", StorageKind.INDEXED,
                new Classification(new Label(object, 0.9), new Label(background, 0.75)), embedding, MODEL);
    }
}
