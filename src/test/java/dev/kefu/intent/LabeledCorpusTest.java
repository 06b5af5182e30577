package dev.kefu.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kefu.text.CorpusException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabeledCorpusTest {
    private static final Path FILE = Path.of("corpus/intents.tsv");

    @Test
    void comments_and_blank_lines_are_skipped_and_lines_are_numbered() {
        List<LabeledText> examples = LabeledCorpus.parse(FILE, List.of("# intents", "", "refund_time\t退款多久到账",
                "greeting\t你好\t啊"));
        assertThat(examples).containsExactly(new LabeledText("refund_time", "退款多久到账", 3),
                new LabeledText("greeting", "你好\t啊", 4));
    }

    @Test
    void a_line_without_a_tab_is_reported_with_its_line() {
        assertThatThrownBy(() -> LabeledCorpus.parse(FILE, List.of("greeting\t你好", "退款多久到账")))
                .isInstanceOf(CorpusException.class)
                .hasMessage("corpus/intents.tsv:2: expected label<TAB>text, found no tab");
    }

    @Test
    void an_empty_text_is_reported_with_its_line() {
        assertThatThrownBy(() -> LabeledCorpus.parse(FILE, List.of("greeting\t  ")))
                .isInstanceOf(CorpusException.class)
                .hasMessage("corpus/intents.tsv:1: empty text after the tab");
    }

    @Test
    void a_malformed_label_is_reported_with_its_line() {
        assertThatThrownBy(() -> LabeledCorpus.parse(FILE, List.of("Refund Time\t退款")))
                .isInstanceOf(CorpusException.class)
                .hasMessageStartingWith("corpus/intents.tsv:1: label 'Refund Time'");
    }

    @Test
    void a_file_without_examples_is_rejected() {
        assertThatThrownBy(() -> LabeledCorpus.parse(FILE, List.of("# nothing")))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("no examples");
    }

    @Test
    void the_same_text_under_two_labels_is_reported_with_both_lines() {
        List<LabeledText> examples = LabeledCorpus.parse(FILE, List.of("greeting\t在吗", "human_agent\t在吗"));
        assertThatThrownBy(() -> LabeledCorpus.requireConsistent(FILE, examples))
                .isInstanceOf(CorpusException.class)
                .hasMessage("corpus/intents.tsv:2: text is labeled 'human_agent' here and 'greeting' at line 1");
    }

    @Test
    void a_missing_file_and_invalid_utf8_are_reported(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> LabeledCorpus.read(dir.resolve("none.tsv")))
                .isInstanceOf(CorpusException.class).hasMessageEndingWith("none.tsv: file not found");
        Path latin1 = dir.resolve("latin1.tsv");
        Files.write(latin1, "greeting\tcaf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> LabeledCorpus.read(latin1))
                .isInstanceOf(CorpusException.class).hasMessageEndingWith("not valid UTF-8");
    }

    @Test
    void a_third_column_names_the_faq_entries_that_answer_the_line() {
        List<LabeledText> examples = LabeledCorpus.parse(FILE, List.of("refund_time\t退款多久到账\trefund-time,refund-where",
                "oos\t今天天气"));
        assertThat(examples.get(0)).isEqualTo(new LabeledText("refund_time", "退款多久到账",
                List.of("refund-time", "refund-where"), 1));
        assertThat(examples.get(1).hasAnswers()).isFalse();
    }

    @Test
    void a_malformed_faq_id_is_reported_with_its_line() {
        assertThatThrownBy(() -> LabeledCorpus.parse(FILE, List.of("refund_time\t退款\trefund time")))
                .isInstanceOf(CorpusException.class)
                .hasMessageStartingWith("corpus/intents.tsv:1: FAQ id 'refund time'");
    }

    @Test
    void an_unknown_faq_id_is_reported_with_its_line() {
        List<LabeledText> examples = LabeledCorpus.parse(FILE, List.of("# x", "refund_time\t退款\trefund-time,no-such"));
        assertThatThrownBy(() -> LabeledCorpus.requireKnownAnswers(FILE, examples, java.util.Set.of("refund-time")))
                .isInstanceOf(CorpusException.class)
                .hasMessage("corpus/intents.tsv:2: unknown FAQ id 'no-such' in the third column");
    }

    @Test
    void labels_exported_by_other_tools_are_accepted() {
        List<LabeledText> examples = LabeledCorpus.parse(FILE, List.of("Weather.Query\t明天天气", "app-2\t打开应用"));
        assertThat(examples).extracting(LabeledText::label).containsExactly("Weather.Query", "app-2");
    }
}
