package dev.kefu.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kefu.faq.FaqEntry;
import dev.kefu.text.CorpusException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhrasingVectorsTest {
    private static final List<FaqEntry> FAQ = List.of(
            new FaqEntry("a", "x", "qa", List.of("pa"), "answer a"),
            new FaqEntry("b", "x", "qb", List.of("pb"), "answer b"));

    /** Two-dimensional unit vectors named by their text. */
    private static float[] vector(String text) {
        return switch (text) {
            case "qa", "pa" -> new float[] {1, 0};
            case "qb" -> new float[] {0, 1};
            case "pb" -> new float[] {0.6f, 0.8f};
            default -> new float[] {0.8f, 0.6f}; // the examples
        };
    }

    @Test
    void similarity_gives_each_entry_its_best_and_second_cosine_and_share_of_neighbours() {
        PhrasingVectors vectors = PhrasingVectors.encode(FAQ, Map.of("b", List.of("user line")),
                PhrasingVectorsTest::vector, 2);
        PhrasingVectors.Similarity s = vectors.similarity(new float[] {1, 0}, null);
        assertThat(s.best()).containsExactly(1f, 0.8f);
        assertThat(s.second()).containsExactly(1f, 0.6f);
        assertThat(s.knnShare()[0] + s.knnShare()[1]).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void the_four_sum_dot_product_matches_the_plain_one_at_every_length() {
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n <= 13; n++) {
            float[] rows = new float[3 + n];
            float[] query = new float[n];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = random.nextFloat() - 0.5f;
            }
            double plain = 0;
            for (int d = 0; d < n; d++) {
                query[d] = random.nextFloat() - 0.5f;
                plain += (double) rows[3 + d] * query[d];
            }
            assertThat((double) PhrasingVectors.dot(rows, 3, query, n)).as("length " + n)
                    .isCloseTo(plain, org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void a_query_of_another_dimension_is_refused() {
        PhrasingVectors vectors = PhrasingVectors.encode(FAQ, Map.of(), PhrasingVectorsTest::vector, 2);
        assertThatThrownBy(() -> vectors.similarity(new float[] {1, 0, 0}, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a query of 3 dimensions for vectors of 2");
    }

    @Test
    void hidden_rows_are_skipped() {
        PhrasingVectors vectors = PhrasingVectors.encode(FAQ, Map.of(), PhrasingVectorsTest::vector, 2);
        boolean[] hidden = {true, true, false, false};
        assertThat(vectors.similarity(new float[] {1, 0}, hidden).best()).containsExactly(-1f, 0.6f);
    }

    @Test
    void the_file_reads_back_the_same_vectors_and_refuses_another_corpus(@TempDir Path dir) throws Exception {
        PhrasingVectors vectors = PhrasingVectors.encode(FAQ, Map.of(), PhrasingVectorsTest::vector, 2);
        vectors.write(dir);
        byte[] first = Files.readAllBytes(dir.resolve(PhrasingVectors.FILE));
        PhrasingVectors.read(dir, 2).write(dir);
        assertThat(Files.readAllBytes(dir.resolve(PhrasingVectors.FILE))).isEqualTo(first);
        assertThatThrownBy(() -> PhrasingVectors.read(dir, 3)).isInstanceOf(CorpusException.class)
                .hasMessageContaining("written for 2 FAQ entries, the index has 3");
    }
}
