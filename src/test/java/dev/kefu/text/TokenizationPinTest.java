package dev.kefu.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the words of domain phrases, with the shipped {@code corpus/synonyms.txt}, so that a change
 * of analyzer, normalizer or synonyms shows up as a reviewed diff of {@code tokenization.tsv}
 * (phrase TAB words separated by spaces) rather than as a silent shift in accuracy.
 */
class TokenizationPinTest {
    @Test
    void domain_phrases_tokenize_as_pinned() throws IOException {
        TextNormalizer normalizer = new TextNormalizer(ChineseVariants.icu());
        Tokenizer tokenizer = new SmartcnTokenizer(Synonyms.read(Path.of("corpus/synonyms.txt"), normalizer));
        List<String> pins;
        try (var in = getClass().getResourceAsStream("tokenization.tsv")) {
            pins = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
        List<String> differences = new ArrayList<>();
        for (String pin : pins) {
            String[] parts = pin.split("\t", -1);
            String actual = String.join(" ", tokenizer.tokenize(normalizer.normalize(parts[0])).words());
            if (!actual.equals(parts[1])) {
                differences.add(parts[0] + "\t" + actual + "    (pinned: " + parts[1] + ")");
            }
        }
        assertThat(pins).hasSizeGreaterThanOrEqualTo(15);
        assertThat(differences).as("tokenization changed; review and update tokenization.tsv").isEmpty();
    }
}
