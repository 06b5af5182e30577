package dev.kefu.studio.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaderClusteringTest {
    /** Unit vectors in the plane: the angle between two tells their cosine. */
    private static float[] at(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }

    private static final Map<String, float[]> VECTORS = Map.of("a1", at(0), "a2", at(10), "a3", at(20), "b1", at(90),
            "b2", at(95), "c", at(200));

    @Test
    void close_items_join_their_leader_and_the_biggest_cluster_comes_first() {
        // cos 30° = 0.87: a3 joins a1's cluster (20° away) at 0.85
        List<List<String>> clusters = new LeaderClustering(0.85).cluster(List.of("b1", "a1", "c", "a2", "b2", "a3"),
                VECTORS::get);
        assertThat(clusters).containsExactly(List.of("a1", "a2", "a3"), List.of("b1", "b2"), List.of("c"));
    }

    @Test
    void an_item_is_compared_with_leaders_not_with_the_last_member() {
        // a3 is 10° from a2 but 20° from the leader a1: at cos 15° it starts a cluster of its own
        List<List<String>> clusters = new LeaderClustering(Math.cos(Math.toRadians(15)))
                .cluster(List.of("a1", "a2", "a3"), VECTORS::get);
        assertThat(clusters).containsExactly(List.of("a1", "a2"), List.of("a3"));
    }

    @Test
    void equal_sizes_keep_their_leaders_order_so_the_result_is_deterministic() {
        List<List<String>> clusters = new LeaderClustering(0.99).cluster(List.of("c", "b1", "a1"), VECTORS::get);
        assertThat(clusters).containsExactly(List.of("c"), List.of("b1"), List.of("a1"));
        assertThat(new LeaderClustering(0.5).cluster(List.<String>of(), VECTORS::get)).isEmpty();
    }

    @Test
    void a_similarity_outside_0_to_1_is_refused() {
        assertThatThrownBy(() -> new LeaderClustering(0)).hasMessageContaining("similarity");
        assertThatThrownBy(() -> new LeaderClustering(1.5)).hasMessageContaining("similarity");
    }
}
