package dev.kefu.dialog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kefu.answer.Ranking;
import dev.kefu.intent.IntentClassifier;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.text.Pinyin;
import dev.kefu.text.Tokens;
import java.util.Objects;

/**
 * Analyses one masked message: normalize, tokenize, classify (a long message also clause by
 * clause), rank the answers (a long message whose best entry is unsure also clause by clause: the
 * most likely clause's entry wins when it reaches {@value #CLAUSE_CONFIDENCE}). The same normalized text always gives the same analysis, so the last
 * {@value #DEFAULT_CACHE} distinct texts are kept in a bounded cache: customer service repeats
 * itself (「转人工」「退款多久到账」), and a repeated message then costs a hash lookup. Shared by the
 * engine and the agent's FAQ suggestions; one analyzer may serve several engines (the threshold
 * sweep). Thread-safe.
 */
public final class Analyzer {
    /** Distinct normalized texts kept. */
    public static final int DEFAULT_CACHE = 10_000;
    /** Clause-by-clause reading of long messages wants a clause at least this confident. */
    private static final double CLAUSE_CONFIDENCE = 0.5;

    private final ChatEngine.Pipeline parts;
    private final Pinyin pinyin;
    private final IntentClassifier classifier;
    private final Cache<String, Analysis> cache;
    private final java.util.concurrent.atomic.LongAdder analysed = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder fast = new java.util.concurrent.atomic.LongAdder();

    /** An analyzer over {@code parts} that keeps up to {@code cacheSize} analyses (0: none). */
    public Analyzer(ChatEngine.Pipeline parts, int cacheSize) {
        this(parts, cacheSize, Pinyin.NONE);
    }

    /** An analyzer that also reads messages typed in pinyin ({@code pinyin}) as Chinese. */
    public Analyzer(ChatEngine.Pipeline parts, int cacheSize, Pinyin pinyin) {
        this.parts = Objects.requireNonNull(parts, "parts");
        this.pinyin = Objects.requireNonNull(pinyin, "pinyin");
        this.classifier = parts.classifier() instanceof LongMessageClassifier ? parts.classifier()
                : new LongMessageClassifier(parts.classifier(), parts.tokenizer(), CLAUSE_CONFIDENCE);
        if (cacheSize < 0) {
            throw new IllegalArgumentException("cacheSize must be >= 0, was " + cacheSize);
        }
        this.cache = cacheSize == 0 ? null : Caffeine.newBuilder().maximumSize(cacheSize).recordStats().build();
    }

    /** Pinyin read as the words of the FAQ's questions, paraphrases and answers (what the classifier knows). */
    public static Pinyin pinyinOf(java.util.List<dev.kefu.faq.FaqEntry> entries) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (dev.kefu.faq.FaqEntry e : entries) {
            texts.add(e.question());
            texts.addAll(e.paraphrases());
            texts.add(e.answer());
        }
        return Pinyin.of(texts);
    }

    /** The parts this analyzer runs. */
    public ChatEngine.Pipeline parts() {
        return parts;
    }

    /** The analysis of {@code masked} (already masked and truncated). */
    public Analysis analyze(String masked) {
        String normalized = pinyin.toHanzi(parts.normalizer().normalize(masked));
        return cache == null ? compute(normalized) : cache.get(normalized, this::compute);
    }

    private Analysis compute(String normalized) {
        Tokens tokens = parts.tokenizer().tokenize(normalized);
        if (tokens.isEmpty()) {
            return new Analysis(normalized, tokens, null, Ranking.none("empty"));
        }
        IntentPrediction prediction = classifier.classify(tokens);
        Ranking ranking = parts.ranker().rank(tokens, prediction);
        if (normalized.length() >= LongMessageClassifier.LONG && topOf(ranking) < CLAUSE_CONFIDENCE) {
            // a story: its problem is one clause, which alone may find the entry the whole misses
            for (String clause : LongMessageClassifier.clauses(normalized)) {
                Tokens part = parts.tokenizer().tokenize(clause);
                IntentPrediction own = parts.classifier().classify(part);
                Ranking ranked = parts.ranker().rank(part, own);
                // only within the message's own topic: a clause such as 「网络也没有问题」 must not redirect a payment story
                if (topOf(ranked) >= CLAUSE_CONFIDENCE && topOf(ranked) > topOf(ranking)
                        && ranked.answers().get(0).entry().intent().equals(prediction.top().label())) {
                    ranking = ranked;
                }
            }
        }
        analysed.increment();
        if (!ranking.path().equals("full")) {
            fast.increment();
        }
        return new Analysis(normalized, tokens, prediction, ranking);
    }

    private static double topOf(Ranking ranking) {
        return ranking.answers().isEmpty() ? 0 : ranking.answers().get(0).score();
    }

    /** Hits and lookups of the cache since start; zeros without a cache. */
    public CacheStats cacheStats() {
        if (cache == null) {
            return new CacheStats(0, 0);
        }
        var stats = cache.stats();
        return new CacheStats(stats.hitCount(), stats.requestCount());
    }

    /** Share of the messages analysed (not served from the cache) that were ranked without the sentence encoder. */
    public double fastShare() {
        long n = analysed.sum();
        return n == 0 ? 0 : (double) fast.sum() / n;
    }

    /** What one message was found to be; {@code prediction} is null for a message with no text left. */
    public record Analysis(String normalized, Tokens tokens, IntentPrediction prediction, Ranking ranking) {
        public Analysis {
            Objects.requireNonNull(normalized, "normalized");
            Objects.requireNonNull(tokens, "tokens");
            Objects.requireNonNull(ranking, "ranking");
        }
    }

    /** Cache hits out of lookups. */
    public record CacheStats(long hits, long lookups) {
        /** Hits / lookups, 0 without lookups. */
        public double hitRate() {
            return lookups == 0 ? 0 : (double) hits / lookups;
        }
    }
}
