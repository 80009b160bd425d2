package org.imageorganizer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sub-cluster's JSON: the product spec's for computed clusters, a null id for the pending entry. */
class SubClusterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void computedClustersAndNoiseKeepTheirJson() throws Exception {
        assertThat(JSON.writeValueAsString(new SubCluster(0, false, List.of(1L, 2L))))
                .isEqualTo("{\"cluster_id\":0,\"image_ids\":[1,2]}");
        assertThat(JSON.writeValueAsString(new SubCluster(SubCluster.NOISE_ID, true, List.of(3L))))
                .isEqualTo("{\"cluster_id\":-1,\"noise\":true,\"image_ids\":[3]}");
    }

    @Test
    void thePendingEntryHasANullIdEvenWhereNullsAreLeftOut() throws Exception {
        String expected = "{\"cluster_id\":null,\"pending\":true,\"image_ids\":[4,5]}";
        assertThat(JSON.writeValueAsString(SubCluster.pending(List.of(4L, 5L)))).isEqualTo(expected);
        ObjectMapper withoutNulls = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        assertThat(withoutNulls.writeValueAsString(SubCluster.pending(List.of(4L, 5L)))).isEqualTo(expected);
    }

    @Test
    void onlyThePendingEntryHasThePendingId() {
        assertThatThrownBy(() -> new SubCluster(SubCluster.PENDING_ID, false, List.of(1L)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubCluster(0, false, true, List.of(1L))).isInstanceOf(IllegalArgumentException.class);
    }
}
