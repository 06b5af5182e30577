package dev.kefu.intent.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TfIdfVectorizerTest {
    private final TfIdfVectorizer vectorizer = TfIdfVectorizer.fit(List.of(
            new String[] {"w=退款", "c=退", "c=款", "c=退"}, new String[] {"w=密码", "c=密", "c=码"},
            new String[] {"w=退款", "w=密码"}));

    @Test
    void rows_are_unit_length_with_the_bias_last_and_indices_ascending() {
        TfIdfVectorizer.Sparse sparse = vectorizer.sparse(new String[] {"c=退", "w=密码", "c=退", "c=款"});
        int last = sparse.indices().length - 1;
        assertThat(sparse.indices()[last]).isEqualTo(vectorizer.size() + 1);
        assertThat(sparse.values()[last]).isEqualTo(1.0);
        double norm = 0;
        for (int i = 0; i < last; i++) {
            norm += sparse.values()[i] * sparse.values()[i];
            if (i > 0) {
                assertThat(sparse.indices()[i]).isGreaterThan(sparse.indices()[i - 1]);
            }
        }
        assertThat(norm).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void a_document_of_unknown_features_is_the_bias_alone() {
        TfIdfVectorizer.Sparse sparse = vectorizer.sparse(new String[] {"w=天气", "b=x_y"});
        assertThat(sparse.indices()).containsExactly(vectorizer.size() + 1);
        assertThat(sparse.values()).containsExactly(1.0);
    }
}
