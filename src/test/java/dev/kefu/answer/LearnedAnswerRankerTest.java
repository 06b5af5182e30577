package dev.kefu.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    private static dev.kefu.intent.IntentClassifier entryClassifier;

    @BeforeAll
    static void fit() throws URISyntaxException {
        Path faq = Path.of(LuceneFaqIndex.class.getResource("search-faq.txt").toURI());
        tokenizer = new SmartcnTokenizer(Synonyms.read(faq.resolveSibling("synonyms.txt"), NORMALIZER));
        entries = FaqCorpus.read(faq, Set.of("refund_time", "forgot_password", "payment_failed"));
        index = new LuceneFaqIndex(NORMALIZER, tokenizer);
        RankerTrainer.Result trained = trainer().train(entries, List.of(), null);
        model = trained.model();
        entryClassifier = trained.entries();
    }

    private static RankerTrainer trainer() {
        return new RankerTrainer(LearnedAnswerRankerTest::tokens, LearnedAnswerRankerTest::keywords, index::inMemory, 0.2);
    }

    @Test
    void the_floor_the_policy_acts_from_must_be_a_probability() {
        assertThatThrownBy(() -> new RankerTrainer(LearnedAnswerRankerTest::tokens, LearnedAnswerRankerTest::keywords,
                index::inMemory, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("actsFrom must be a probability, was 1.5");
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
        return new LearnedAnswerRanker(index.inMemory(entries, Map.of()), model, entryClassifier, null, null, null);
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
    @Test
    void a_ranker_saved_with_its_entry_classifier_reads_back_with_the_same_answers(@TempDir Path dir) {
        model.write(dir);
        dev.kefu.intent.linear.CompactModelFile.write(trainer().train(entries, List.of(), null).entries(),
                dir.resolve(RankerModel.ENTRY_FILE));
        LearnedAnswerRanker read = LearnedAnswerRanker.read(dir, index.inMemory(entries, Map.of()), null);
        for (String text : List.of("我想看看退款现在到哪一步了", "支付密码忘了想不起来", "付款一直失败怎么办")) {
            IntentPrediction prediction = keywords(tokens(text));
            List<FaqHit> expected = ranker().rank(tokens(text), prediction).answers();
            List<FaqHit> actual = read.rank(tokens(text), prediction).answers();
            assertThat(actual.stream().map(h -> h.entry().id()).toList()).as(text)
                    .isEqualTo(expected.stream().map(h -> h.entry().id()).toList());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i).score()).isCloseTo(expected.get(i).score(), org.assertj.core.api.Assertions.within(1e-4));
            }
        }
    }

    /** An encoder for the gate test: it counts its calls and returns the same unit vector. */
    private static final class CountingEncoder implements dev.kefu.intent.SentenceEncoder {
        int calls;

        @Override
        public int dimension() {
            return 4;
        }

        @Override
        public float[] encode(String text) {
            calls++;
            return new float[] {1, 0, 0, 0};
        }

        @Override
        public String name() {
            return "counting";
        }
    }

    @Test
    void the_encoder_runs_only_between_the_fast_floor_and_the_fast_threshold() {
        CountingEncoder encoder = new CountingEncoder();
        PhrasingVectors vectors = PhrasingVectors.encode(entries, Map.of(), t -> new float[] {0, 1, 0, 0}, 4);
        List<String> ids = new java.util.ArrayList<>();
        List<Tokens> phrasings = new java.util.ArrayList<>();
        for (FaqEntry entry : entries) {
            for (String phrasing : entry.phrasings()) {
                ids.add(entry.id());
                phrasings.add(tokens(phrasing));
            }
        }
        dev.kefu.intent.linear.LiblinearIntentClassifier dense = dev.kefu.intent.linear.LiblinearIntentTrainer.fit(ids,
                phrasings, dev.kefu.intent.linear.LiblinearSettings.DEFAULT, new CountingEncoder());
        double[] full = new double[CandidateFeatures.FULL + 1];
        double[] fullCalibration = new double[RankerModel.CAL_FULL + 1];
        Tokens text = tokens("付款一直失败怎么办");
        IntentPrediction prediction = predict("payment_failed", 0.9);
        double cheapTop = ranker().rank(text, prediction).answers().get(0).score();

        RankerModel between = new RankerModel(model.cheap(), full, model.cheapCalibration(), fullCalibration,
                1.0, 0.0, "counting");
        Ranking ranked = new LearnedAnswerRanker(index.inMemory(entries, Map.of()), between, entryClassifier, vectors,
                encoder, dense).rank(text, prediction);
        assertThat(ranked.path()).isEqualTo("full");
        assertThat(encoder.calls).isEqualTo(1);

        RankerModel under = new RankerModel(model.cheap(), full, model.cheapCalibration(), fullCalibration,
                1.0, Math.min(1.0, cheapTop + 0.01), "counting");
        ranked = new LearnedAnswerRanker(index.inMemory(entries, Map.of()), under, entryClassifier, vectors, encoder,
                dense).rank(text, prediction);
        assertThat(ranked.path()).isEqualTo("fast");
        assertThat(ranked.answers().get(0).score()).isCloseTo(cheapTop, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(encoder.calls).as("under the floor the cheap model decides alone").isEqualTo(1);

        RankerModel over = new RankerModel(model.cheap(), full, model.cheapCalibration(), fullCalibration,
                cheapTop, 0.0, "counting");
        assertThat(new LearnedAnswerRanker(index.inMemory(entries, Map.of()), over, entryClassifier, vectors, encoder,
                dense).rank(text, prediction).path()).isEqualTo("fast");
        assertThat(encoder.calls).isEqualTo(1);
    }
}
