package org.imageorganizer.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A category's cover is the cover of its largest cluster, through its largest group (ADR 0042). */
class GroupCoverTest {
    private static SubCluster cluster(int id, Long cover, long... ids) {
        return new SubCluster(id, java.util.Arrays.stream(ids).boxed().toList(), cover);
    }

    @Test
    void theLargestClusterWithACoverGivesTheGroupsAndTheLargestGroupTheCategorys() throws Exception {
        BackgroundGroup beach = new BackgroundGroup("beach", List.of(1L, 2L, 3L, 4L, 5L, 6L), List.of(
                cluster(0, 2L, 1, 2), cluster(1, 5L, 3, 4, 5), new SubCluster(SubCluster.NOISE_ID, true, List.of(6L))));
        BackgroundGroup indoor = new BackgroundGroup("indoor", List.of(7L, 8L), List.of(cluster(0, 8L, 7, 8)));
        BackgroundGroup pending = new BackgroundGroup("snow", List.of(9L), List.of(SubCluster.pending(List.of(9L))));

        assertThat(beach.coverImageId()).isEqualTo(5L);
        assertThat(pending.coverImageId()).isNull();
        assertThat(new ObjectGroup("dog", 9, List.of(indoor, beach, pending)).coverImageId()).isEqualTo(5L);
        assertThat(new ObjectGroup("cat", 1, List.of(pending)).coverImageId()).isNull();

        String json = new ObjectMapper().writeValueAsString(new ObjectGroup("dog", 9, List.of(beach, pending)));
        assertThat(json).contains("\"object_category\":\"dog\"").contains("\"cover_image_id\":5");
        assertThat(new ObjectMapper().writeValueAsString(pending)).doesNotContain("cover_image_id");
    }
}
