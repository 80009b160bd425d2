package org.imageorganizer.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.codec.digest.DigestUtils;
import org.imageorganizer.ml.NameSuggester;
import org.imageorganizer.model.Classification;
import org.imageorganizer.model.ClusterIdentity;
import org.imageorganizer.model.GroupKey;
import org.imageorganizer.model.Label;
import org.imageorganizer.model.StorageKind;
import org.imageorganizer.model.SubCluster;
import org.imageorganizer.store.LibraryDatabase;
import org.imageorganizer.store.NewImage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suggested cluster names are stored with the clusters' identities, once, and shown until the user names one. */
@Tag("database")
class SuggestedClusterNamesTest {
    @TempDir
    Path dir;

    private static float[] axis(int i) {
        float[] v = new float[3];
        v[i] = 1;
        return v;
    }

    private static long add(LibraryDatabase library, String seed, float[] embedding) {
        byte[] content = seed.getBytes(StandardCharsets.UTF_8);
        return library.images().insert(new NewImage(DigestUtils.sha256Hex(content), "/photos/" + seed + ".jpg", seed + ".jpg",
                content.length, 640, 480, "jpeg", StorageKind.INDEXED,
                new Classification(new Label("dog", 0.5), new Label("beach", 0.5)), embedding, "test-model")).id();
    }

    @Test
    void everyClusterWithoutASuggestionGetsTheNearestTermOnce() {
        try (LibraryDatabase library = LibraryDatabase.open(dir.resolve("library"))) {
            long a = add(library, "a", axis(0));
            long b = add(library, "b", axis(0));
            long c = add(library, "c", axis(2));
            GroupKey group = new GroupKey("dog", "beach");
            library.clusters().save(group, "sig", "test", 1, List.of(new SubCluster(0, List.of(a, b), a),
                    new SubCluster(1, List.of(c), c)));
            NameSuggester suggester = new NameSuggester(List.of("sand castle", "sunset", "surf"),
                    new float[][] {axis(0), axis(1), axis(2)});
            SuggestedClusterNames names = new SuggestedClusterNames(library.clusters());

            assertThat(names.suggest(suggester)).isEqualTo(2);

            assertThat(library.clusters().identities()).extracting(ClusterIdentity::clusterId, ClusterIdentity::suggestedName)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "sand castle"),
                            org.assertj.core.groups.Tuple.tuple(1, "surf"));
            assertThat(names.suggest(suggester)).as("kept, not made again").isZero();
            ClusterIdentity first = library.clusters().identities().get(0);
            library.clusters().rename(first.key(), "Holiday");
            assertThat(library.clusters().identity(first.key()).orElseThrow().suggestedName()).isEqualTo("sand castle");

            SubCluster shown = new SubCluster(0, List.of(a, b), a).withIdentity(library.clusters().identity(first.key()).orElseThrow());
            assertThat(shown.identityJson()).containsEntry("name", "Holiday").containsEntry("suggested_name", "sand castle");
        }
    }
}
