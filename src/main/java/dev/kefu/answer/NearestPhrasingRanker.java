package dev.kefu.answer;

import dev.kefu.faq.FaqEntry;
import dev.kefu.faq.FaqHit;
import dev.kefu.faq.FaqSearcher;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.SentenceEncoder;
import dev.kefu.text.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A measured baseline, not a served default: the entry of the phrasing nearest to the message, by
 * the cosine of bge-small-zh vectors (the way MaxKB and FastGPT answer from question–answer pairs)
 * or, without an encoder, by BM25 alone. The classifier is ignored and every message is answered:
 * the best entry gets probability 1, the next ones their cosine (or share of the best BM25 score)
 * below it. Thread-safe.
 */
public final class NearestPhrasingRanker implements AnswerRanker {
    private static final int SHOWN = 3;

    private final FaqSearcher faq;
    private final PhrasingVectors vectors;
    private final SentenceEncoder encoder;

    /** By vector when {@code vectors} and {@code encoder} are given, else by BM25. */
    public NearestPhrasingRanker(FaqSearcher faq, PhrasingVectors vectors, SentenceEncoder encoder) {
        this.faq = Objects.requireNonNull(faq, "faq");
        this.vectors = encoder == null ? null : vectors;
        this.encoder = vectors == null ? null : encoder;
    }

    @Override
    public Ranking rank(Tokens tokens, IntentPrediction prediction) {
        List<FaqHit> hits = faq.search(tokens, IntentFirstRanker.HITS);
        List<FaqHit> answers = new ArrayList<>();
        if (encoder == null) {
            for (int i = 0; i < hits.size() && i < SHOWN; i++) {
                answers.add(new FaqHit(hits.get(i).entry(), i == 0 ? 1.0 : 0.99 * hits.get(i).score() / hits.get(0).score()));
            }
            return new Ranking(answers, hits, "bm25");
        }
        float[] best = vectors.similarity(encoder.encode(tokens.text()), null).best();
        int[] top = CandidateFeatures.topOrds(best, SHOWN);
        for (int i = 0; i < top.length; i++) {
            answers.add(new FaqHit(faq.entries().get(top[i]), i == 0 ? 1.0 : Math.max(0, Math.min(0.99, best[top[i]]))));
        }
        return new Ranking(answers, hits, "nearest");
    }

    @Override
    public List<FaqEntry> entries() {
        return faq.entries();
    }

    @Override
    public String describe() {
        return encoder == null ? "bm25" : "nearest-" + encoder.name();
    }
}
