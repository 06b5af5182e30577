package dev.kefu.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kefu.text.CorpusException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaqCorpusTest {
    private static final Set<String> INTENTS = Set.of("refund_time", "forgot_password");
    private static final String FIVE_PARAPHRASES = """
            paraphrase: 退款什么时候到
            paraphrase: 退的钱多久能收到
            paraphrase: 退款一直没到账
            paraphrase: 申请退款后几天到账
            paraphrase: 退款进度怎么查
            """;

    @TempDir
    Path dir;

    @Test
    void a_valid_file_gives_its_entries_in_order_with_every_field() throws URISyntaxException {
        List<FaqEntry> entries = FaqCorpus.read(resource("valid-faq.txt"), INTENTS);

        assertThat(entries).extracting(FaqEntry::id).containsExactly("refund-arrival", "reset-password");
        FaqEntry refund = entries.get(0);
        assertThat(refund.intent()).isEqualTo("refund_time");
        assertThat(refund.question()).isEqualTo("退款多久到账？");
        assertThat(refund.paraphrases()).containsExactly("退款什么时候到", "退的钱多久能收到", "退款一直没到账",
                "申请退款后几天到账", "退款进度怎么查");
        assertThat(refund.answer()).isEqualTo("退款会原路退回：\n1. 余额支付：即时到账；\n2. 银行卡：1-7 个工作日。");
        assertThat(entries.get(1).intent()).isEqualTo("forgot_password");
        assertThat(entries.get(1).answer()).isEqualTo("在登录页点「忘记密码」，按提示验证身份后设置新密码。");
    }

    @Test
    void a_comment_inside_an_entry_neither_ends_it_nor_becomes_a_paraphrase() throws URISyntaxException {
        FaqEntry refund = FaqCorpus.read(resource("valid-faq.txt"), INTENTS).get(0);

        assertThat(refund.paraphrases()).hasSize(5).noneMatch(p -> p.contains("comment"));
    }

    @Test
    void a_duplicate_id_is_reported_at_the_second_entry() throws IOException {
        Path file = write(entry("refund-arrival", "refund_time") + "\n" + entry("refund-arrival", "refund_time"));

        assertThatThrownBy(() -> FaqCorpus.read(file, INTENTS))
                .isInstanceOf(CorpusException.class)
                .hasMessage(file + ":11: duplicate FAQ id 'refund-arrival'");
    }

    @Test
    void a_phrasing_of_two_entries_is_reported_at_the_second_entry_naming_the_first() throws IOException {
        Path file = write(entry("refund-arrival", "refund_time") + "\n" + entry("refund-late", "refund_time"));

        assertThatThrownBy(() -> FaqCorpus.read(file, INTENTS))
                .isInstanceOf(CorpusException.class)
                .hasMessageStartingWith(file + ":11: entry 'refund-late': the phrasing '")
                .hasMessageEndingWith("' is already one of entry 'refund-arrival'");
    }

    @Test
    void an_unknown_intent_is_reported_at_its_line_with_the_known_intents() throws IOException {
        Path file = write("# header\n\n" + entry("refund-arrival", "refund_tiem"));

        assertThatThrownBy(() -> FaqCorpus.read(file, INTENTS))
                .isInstanceOf(CorpusException.class)
                .hasMessageStartingWith(file + ":4: unknown intent 'refund_tiem'")
                .hasMessageContaining("forgot_password")
                .hasMessageContaining("refund_time");
    }

    @Test
    void fewer_than_five_paraphrases_are_reported_at_the_entry() throws IOException {
        Path file = write("""
                id: refund-arrival
                intent: refund_time
                question: 退款多久到账？
                paraphrase: 退款什么时候到
                paraphrase: 退的钱多久能收到
                paraphrase: 退款一直没到账
                paraphrase: 申请退款后几天到账
                answer: 原路退回。
                """);

        assertThatThrownBy(() -> FaqCorpus.read(file, INTENTS))
                .isInstanceOf(CorpusException.class)
                .hasMessage(file + ":1: entry 'refund-arrival' has 4 paraphrases, needs at least 5");
    }

    @Test
    void an_entry_without_answer_is_reported_at_the_entry() throws IOException {
        Path file = write(entry("reset-password", "forgot_password") + "\n"
                + "id: refund-arrival\nintent: refund_time\nquestion: 退款多久到账？\n" + FIVE_PARAPHRASES);

        assertThatThrownBy(() -> FaqCorpus.read(file, INTENTS))
                .isInstanceOf(CorpusException.class)
                .hasMessage(file + ":11: entry 'refund-arrival' has no answer");
    }

    @Test
    void a_key_out_of_order_is_reported_at_its_line() throws IOException {
        Path file = write("id: refund-arrival\nintent: refund_time\nquestion: 退款多久到账？\n" + FIVE_PARAPHRASES
                + "answer: 原路退回。\nparaphrase: 退款到哪了\n");

        assertThatThrownBy(() -> FaqCorpus.read(file, INTENTS))
                .isInstanceOf(CorpusException.class)
                .hasMessageStartingWith(file + ":10: 'paraphrase' out of order");
    }

    @Test
    void a_repeated_single_key_is_out_of_order() throws IOException {
        Path file = write("id: refund-arrival\nintent: refund_time\nintent: forgot_password\n");

        assertThatThrownBy(() -> FaqCorpus.read(file, INTENTS))
                .isInstanceOf(CorpusException.class)
                .hasMessageStartingWith(file + ":3: 'intent' out of order");
    }

    @Test
    void a_missing_key_is_named_at_the_line_of_the_key_that_follows_it() throws IOException {
        Path file = write("id: refund-arrival\nquestion: 退款多久到账？\n" + FIVE_PARAPHRASES + "answer: 原路退回。\n");

        assertThatThrownBy(() -> FaqCorpus.read(file, INTENTS))
                .isInstanceOf(CorpusException.class)
                .hasMessage(file + ":2: 'intent' missing before 'question'");
    }

    @Test
    void an_entry_without_id_is_reported_at_its_first_line() throws IOException {
        Path file = write("\n\nintent: refund_time\n");

        assertThatThrownBy(() -> FaqCorpus.read(file, INTENTS))
                .isInstanceOf(CorpusException.class)
                .hasMessage(file + ":3: 'id' missing before 'intent'");
    }

    @Test
    void an_unknown_key_is_reported_with_the_line_and_the_expected_keys() throws IOException {
        Path file = write("id: refund-arrival\nintent: refund_time\ntags: 退款\n");

        assertThatThrownBy(() -> FaqCorpus.read(file, INTENTS))
                .isInstanceOf(CorpusException.class)
                .hasMessageStartingWith(file + ":3: expected one of [id, intent, question, paraphrase, answer]")
                .hasMessageContaining("tags: 退款");
    }

    @Test
    void an_answer_line_without_its_key_is_an_unknown_key() throws IOException {
        Path file = write(entry("refund-arrival", "refund_time").replace("answer: 原路退回。", "answer: 原路退回：\n1. 余额即时到账"));

        assertThatThrownBy(() -> FaqCorpus.read(file, INTENTS))
                .isInstanceOf(CorpusException.class)
                .hasMessageStartingWith(file + ":10: expected one of");
    }

    @Test
    void an_empty_value_is_reported_at_its_line() throws IOException {
        Path file = write("id: refund-arrival\nintent: refund_time\nquestion:   \n");

        assertThatThrownBy(() -> FaqCorpus.read(file, INTENTS))
                .isInstanceOf(CorpusException.class)
                .hasMessage(file + ":3: empty question");
    }

    @Test
    void an_invalid_id_is_reported_at_the_entry() throws IOException {
        Path file = write("# header\n" + entry("Refund_Arrival", "refund_time"));

        assertThatThrownBy(() -> FaqCorpus.read(file, INTENTS))
                .isInstanceOf(CorpusException.class)
                .hasMessageStartingWith(file + ":2: id must be lower-case letters, digits and -");
    }

    @Test
    void a_file_of_comments_only_has_no_entries() throws IOException {
        Path file = write("# nothing yet\n\n");

        assertThatThrownBy(() -> FaqCorpus.read(file, INTENTS))
                .isInstanceOf(CorpusException.class)
                .hasMessage(file + ": no FAQ entries");
    }

    @Test
    void a_missing_file_is_reported_by_name() {
        Path file = dir.resolve("faq.txt");

        assertThatThrownBy(() -> FaqCorpus.read(file, INTENTS))
                .isInstanceOf(CorpusException.class)
                .hasMessage(file + ": file not found");
    }

    @Test
    void a_file_that_is_not_utf8_is_reported_by_name() throws IOException {
        Path file = dir.resolve("faq.txt");
        Files.write(file, "id: 退款\n".getBytes(Charset.forName("GBK")));

        assertThatThrownBy(() -> FaqCorpus.read(file, INTENTS))
                .isInstanceOf(CorpusException.class)
                .hasMessage(file + ": not valid UTF-8");
    }

    /** A valid entry of nine lines: id, intent, question, five paraphrases, answer. */
    private static String entry(String id, String intent) {
        return "id: " + id + "\nintent: " + intent + "\nquestion: 退款多久到账？\n" + FIVE_PARAPHRASES
                + "answer: 原路退回。\n";
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("faq.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(FaqCorpusTest.class.getResource(name).toURI());
    }

    @Test
    void a_leading_byte_order_mark_is_ignored(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("faq.txt");
        Files.writeString(file, "\uFEFF# FAQ\nid: a\nintent: refund_time\nquestion: 退款多久到账？\n"
                + "paraphrase: p1\nparaphrase: p2\nparaphrase: p3\nparaphrase: p4\nparaphrase: p5\nanswer: 3 至 5 个工作日\n");
        assertThat(FaqCorpus.read(file, Set.of("refund_time"))).extracting(FaqEntry::id).containsExactly("a");
    }

    @Test
    void an_unknown_intent_is_reported_at_its_own_line_after_comments() {
        List<String> lines = List.of("id: x", "# a comment", "# another", "intent: refund_tiem", "question: q",
                "paraphrase: 1", "paraphrase: 2", "paraphrase: 3", "paraphrase: 4", "paraphrase: 5", "answer: a");
        assertThatThrownBy(() -> FaqCorpus.parse(Path.of("faq.txt"), lines, Set.of("refund_time")))
                .isInstanceOf(CorpusException.class)
                .hasMessageStartingWith("faq.txt:4: unknown intent 'refund_tiem'");
    }
}
