package dev.kefu.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kefu.text.ChineseVariants;
import dev.kefu.text.CorpusException;
import dev.kefu.text.SmartcnTokenizer;
import dev.kefu.text.Synonyms;
import dev.kefu.text.TextNormalizer;
import dev.kefu.text.Tokens;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LuceneFaqSearcherTest {
    private static final Set<String> INTENTS = Set.of("refund_time", "forgot_password", "payment_failed");
    private static final TextNormalizer NORMALIZER = new TextNormalizer(ChineseVariants.icu());
    private static SmartcnTokenizer tokenizer;
    private static List<FaqEntry> entries;

    @TempDir
    Path dir;
    private LuceneFaqSearcher searcher;

    @BeforeAll
    static void readFixtures() throws URISyntaxException {
        tokenizer = new SmartcnTokenizer(Synonyms.read(resource("synonyms.txt"), NORMALIZER));
        entries = FaqCorpus.read(resource("search-faq.txt"), INTENTS);
    }

    @BeforeEach
    void buildIndex() throws IOException {
        new LuceneFaqIndex(NORMALIZER, tokenizer).build(entries, dir);
        searcher = LuceneFaqSearcher.open(dir);
    }

    @AfterEach
    void closeIndex() throws IOException {
        searcher.close();
    }

    @ParameterizedTest
    @CsvSource({
        "退款要几天才能到账, refund-arrival",
        "我想看看退款处理到哪一步, refund-progress",
        "登录密码想不起来了怎么办, reset-password",
        "六位支付密码记不住了, reset-pay-password",
        "扫码付钱一直提示失败, pay-failed",
        "同一笔订单被扣了两次钱, pay-charged-twice",
        "退錢多久到賬, refund-arrival",
        "支付密码忘了, reset-pay-password",
    })
    void a_paraphrase_like_message_finds_its_entry_first(String message, String expectedId) {
        List<FaqHit> hits = search(message, 5);

        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).entry().id()).isEqualTo(expectedId);
    }

    @Test
    void hits_are_distinct_entries_at_most_k_best_first() {
        String message = "退款进度怎么查，退款多久到账，六位支付密码记不住了";

        List<FaqHit> three = search(message, 3);
        List<FaqHit> all = search(message, 100);

        assertThat(three).hasSize(3);
        assertThat(all).hasSizeBetween(3, entries.size());
        assertThat(all).extracting(h -> h.entry().id()).doesNotHaveDuplicates();
        assertThat(all).extracting(FaqHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(three).isEqualTo(all.subList(0, 3));
    }

    @Test
    void k_of_one_gives_only_the_best_entry() {
        assertThat(search("重复扣款了怎么办", 1)).extracting(h -> h.entry().id()).containsExactly("pay-charged-twice");
    }

    @Test
    void k_of_zero_gives_nothing() {
        assertThat(search("支付密码忘了", 0)).isEmpty();
    }

    @Test
    void a_message_with_no_known_term_finds_nothing() {
        assertThat(search("明天天气晴朗", 5)).isEmpty();
        assertThat(search("hello world", 5)).isEmpty();
    }

    @Test
    void an_empty_message_finds_nothing() {
        assertThat(search("   ", 5)).isEmpty();
    }

    @Test
    void a_two_thousand_character_message_does_not_throw() {
        String message = "退款要几天才能到账，".repeat(200);

        List<FaqHit> hits = search(message, 5);

        assertThat(message).hasSize(2000);
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).entry().id()).isEqualTo("refund-arrival");
    }

    @Test
    void a_long_message_with_more_known_terms_than_lucene_allows_clauses_does_not_throw() throws IOException {
        List<FaqEntry> generated = generatedEntries(40, new Random(7));
        Path big = dir.resolve("big");
        new LuceneFaqIndex(NORMALIZER, tokenizer).build(generated, big);
        StringBuilder message = new StringBuilder();
        generated.forEach(e -> e.phrasings().forEach(message::append));

        try (LuceneFaqSearcher bigSearcher = LuceneFaqSearcher.open(big)) {
            String text = message.substring(0, 2000);
            List<FaqHit> hits = bigSearcher.search(tokenizer.tokenize(NORMALIZER.normalize(text)), 5);

            assertThat(hits).hasSize(5);
        }
    }

    @Test
    void entries_are_every_entry_in_corpus_order_with_all_fields() {
        assertThat(searcher.entries()).hasSize(6).isEqualTo(entries);
    }

    @Test
    void rebuilding_into_the_same_directory_replaces_the_index() throws IOException {
        assertThat(search("六位支付密码记不住了", 5)).isNotEmpty();
        searcher.close();
        new LuceneFaqIndex(NORMALIZER, tokenizer).build(entries.subList(0, 2), dir);
        searcher = LuceneFaqSearcher.open(dir);

        assertThat(searcher.entries()).extracting(FaqEntry::id).containsExactly("refund-arrival", "refund-progress");
        assertThat(search("六位支付密码记不住了", 5)).isEmpty();
    }

    @Test
    void opening_a_missing_directory_says_to_run_train() {
        Path missing = dir.resolve("no-such-index");

        assertThatThrownBy(() -> LuceneFaqSearcher.open(missing))
                .isInstanceOf(CorpusException.class)
                .hasMessageStartingWith(missing.toString())
                .hasMessageContaining("run `java -jar target/kefu.jar train`");
    }

    @Test
    void opening_a_directory_without_an_index_says_to_run_train() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        assertThatThrownBy(() -> LuceneFaqSearcher.open(empty))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("not a readable FAQ index")
                .hasMessageContaining("train");
    }

    private List<FaqHit> search(String message, int k) {
        Tokens tokens = tokenizer.tokenize(NORMALIZER.normalize(message));
        return searcher.search(tokens, k);
    }

    /** Entries of random common Han characters: thousands of distinct terms, each in few documents. */
    private static List<FaqEntry> generatedEntries(int count, Random random) {
        List<FaqEntry> generated = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> paraphrases = new ArrayList<>();
            for (int p = 0; p < 5; p++) {
                paraphrases.add(hanText(random, 12));
            }
            generated.add(new FaqEntry("entry-" + i, "refund_time", hanText(random, 12), paraphrases,
                    hanText(random, 20)));
        }
        return generated;
    }

    private static String hanText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (0x4E00 + random.nextInt(3000)));
        }
        return text.toString();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(LuceneFaqSearcherTest.class.getResource(name).toURI());
    }
}
