package dev.kefu.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tables under {@code src/test/resources/pii}: {@code positives.tsv} (personal data in the forms
 * people type it, with the text as it must be stored) and {@code negatives.txt} (look-alikes: order
 * numbers, amounts, dates, questions about a password) that must stay exactly as typed.
 */
class PiiMaskerDataTest {
    private final PiiMasker masker = new PiiMasker();

    @ParameterizedTest(name = "{0}")
    @MethodSource("positives")
    void personal_data_in_the_table_is_masked_and_the_rest_is_kept(String text, String stored) {
        PiiMasker.Result result = masker.mask(text);
        assertThat(result.text()).isEqualTo(stored);
        assertThat(result.found()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negatives")
    void look_alikes_in_the_table_are_left_as_typed(String text) {
        PiiMasker.Result result = masker.mask(text);
        assertThat(result.text()).isEqualTo(text);
        assertThat(result.found()).isEmpty();
    }

    @Test
    void the_tables_hold_at_least_a_hundred_lines_each() {
        assertThat(positives()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(negatives()).hasSizeGreaterThanOrEqualTo(100);
    }

    static List<Arguments> positives() {
        return lines("positives.tsv").map(line -> {
            String[] columns = line.split("\t", -1);
            if (columns.length != 2) {
                throw new IllegalStateException("positives.tsv: want text<TAB>stored text, got " + Arrays.toString(columns));
            }
            return Arguments.of(columns[0], columns[1]);
        }).toList();
    }

    static List<String> negatives() {
        return lines("negatives.txt").toList();
    }

    private static Stream<String> lines(String name) {
        try (InputStream in = PiiMaskerDataTest.class.getResourceAsStream("/pii/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /pii/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
