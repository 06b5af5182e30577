package dev.kefu.answer;

import dev.kefu.faq.FaqEntry;
import dev.kefu.faq.FaqHit;
import dev.kefu.faq.FaqSearcher;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.IntentScore;
import dev.kefu.text.Tokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ranking kefu used before the learned ranker, kept for models without a trained ranker and as
 * a measured baseline: one entry per intent, in the classifier's order, each the intent's best BM25
 * phrasing (else its first entry), with the intent's confidence as its probability. An entry of
 * another intent can never win. Thread-safe.
 */
public final class IntentFirstRanker implements AnswerRanker {
    /** BM25 hits looked at: enough for a follow-up to find an entry of the last topic. */
    static final int HITS = 10;

    private final FaqSearcher faq;
    private final Map<String, FaqEntry> primary = new LinkedHashMap<>();

    public IntentFirstRanker(FaqSearcher faq) {
        this.faq = Objects.requireNonNull(faq, "faq");
        for (FaqEntry entry : faq.entries()) {
            primary.putIfAbsent(entry.intent(), entry);
        }
    }

    @Override
    public Ranking rank(Tokens tokens, IntentPrediction prediction) {
        List<FaqHit> hits = faq.search(tokens, HITS);
        List<FaqHit> answers = new ArrayList<>();
        for (IntentScore score : prediction.ranked()) {
            FaqEntry best = hits.stream().map(FaqHit::entry).filter(e -> e.intent().equals(score.label())).findFirst()
                    .orElse(primary.get(score.label()));
            if (best != null) {
                answers.add(new FaqHit(best, score.confidence()));
            }
        }
        return new Ranking(answers, hits, "intent");
    }

    @Override
    public List<FaqEntry> entries() {
        return faq.entries();
    }

    @Override
    public String describe() {
        return "intent-first";
    }
}
