package dev.kefu.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.faq.FaqCorpus;
import dev.kefu.faq.FaqEntry;
import dev.kefu.faq.FaqHit;
import dev.kefu.faq.LuceneFaqIndex;
import dev.kefu.faq.LuceneFaqSearcher;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.text.ChineseVariants;
import dev.kefu.text.SmartcnTokenizer;
import dev.kefu.text.Synonyms;
import dev.kefu.text.TextNormalizer;
import dev.kefu.text.Tokens;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learned ranker fitted for real on the small FAQ of the search tests, with a keyword classifier
 * written for the test (the ranker's own training holds its paraphrases out, fold by fold).
 */
class LearnedAnswerRankerTest {
    private static final TextNormalizer NORMALIZER = new TextNormalizer(ChineseVariants.icu());
    private static SmartcnTokenizer tokenizer;
    private static List<FaqEntry> entries;
    private static LuceneFaqIndex index;
    private static RankerModel model;

    @BeforeAll
    static void fit() throws URISyntaxException {
        Path faq = Path.of(LuceneFaqIndex.class.getResource("search-faq.txt").toURI());
        tokenizer = new SmartcnTokenizer(Synonyms.read(faq.resolveSibling("synonyms.txt"), NORMALIZER));
        entries = FaqCorpus.read(faq, Set.of("refund_time", "forgot_password", "payment_failed"));
        index = new LuceneFaqIndex(NORMALIZER, tokenizer);
        model = trainer().train(entries, List.of(), null).model();
    }

    private static RankerTrainer trainer() {
        return new RankerTrainer(LearnedAnswerRankerTest::tokens, LearnedAnswerRankerTest::keywords, index::inMemory);
    }

    private static Tokens tokens(String text) {
        return tokenizer.tokenize(NORMALIZER.normalize(text));
    }

    /** A classifier of the test: the topic its keyword names, at 0.8. */
    private static IntentPrediction keywords(Tokens tokens) {
        String text = tokens.text();
        String top = text.contains("退") ? "refund_time" : text.contains("密码") ? "forgot_password" : "payment_failed";
        return predict(top, 0.8);
    }

    private static IntentPrediction predict(String top, double confidence) {
        List<String> labels = List.of("refund_time", "forgot_password", "payment_failed", "oos");
        String[] names = labels.toArray(new String[0]);
        double[] p = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            p[i] = names[i].equals(top) ? confidence : (1 - confidence) / (names.length - 1);
        }
        return IntentPrediction.rank(names, p);
    }

    private static LearnedAnswerRanker ranker() {
        return new LearnedAnswerRanker(index.inMemory(entries, Map.of()), model, null, null);
    }

    @Test
    void the_entry_whose_phrasings_match_wins_over_the_intents_default() {
        Ranking ranking = ranker().rank(tokens("我想看看退款现在到哪一步了"), predict("refund_time", 0.8));
        assertThat(ranking.answers().get(0).entry().id()).isEqualTo("refund-progress");
        assertThat(ranking.path()).isEqualTo("fast");
    }

    @Test
    void an_entry_of_another_intent_wins_when_the_evidence_says_so() {
        // the classifier leans to payments, but the words are those of the payment-password entry
        Ranking ranking = ranker().rank(tokens("支付密码忘了想不起来"), predict("payment_failed", 0.5));
        assertThat(ranking.answers().get(0).entry().id()).isEqualTo("reset-pay-password");
    }

    @Test
    void answers_are_probabilities_best_first() {
        List<FaqHit> answers = ranker().rank(tokens("付款一直失败怎么办"), predict("payment_failed", 0.9)).answers();
        assertThat(answers).isNotEmpty();
        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).score()).isBetween(0.0, 1.0);
            if (i > 0) {
                assertThat(answers.get(i).score()).isLessThanOrEqualTo(answers.get(i - 1).score());
            }
        }
    }

    @Test
    void an_out_of_scope_message_is_less_likely_than_an_in_scope_one() {
        double oos = ranker().rank(tokens("今天天气怎么样"), predict("oos", 0.9)).answers().get(0).score();
        double in = ranker().rank(tokens("退款多久到账"), predict("refund_time", 0.9)).answers().get(0).score();
        assertThat(oos).isLessThan(in);
    }

    @Test
    void training_is_deterministic_and_the_model_file_reads_back_equal(@TempDir Path dir) {
        RankerModel again = trainer().train(entries, List.of(), null).model();
        assertThat(again).isEqualTo(model);
        model.write(dir);
        assertThat(RankerModel.read(dir)).isEqualTo(model);
    }
}
