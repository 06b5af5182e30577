package dev.kefu.answer;

import dev.kefu.faq.FaqEntry;
import dev.kefu.faq.FaqHit;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.IntentScore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The candidate entries for one message and what is known of each: the classifier's confidence in
 * the entry's intent, the entry's BM25 score (as a share of the best one, and raw), whether it is
 * the best BM25 hit overall or within its intent, and, when the message was encoded, the cosine of
 * its nearest phrasing, the gap to the best cosine and the same two ranks. An entry classifier
 * (liblinear over the character n-grams, trained on every phrasing with entry ids as labels) adds
 * its probability of the entry and whether the entry is its first: it tells near neighbours of one
 * intent apart where the intent's confidence cannot. With the sentence vector, a second entry
 * classifier that reads it beside the n-grams gives the same two features. The cheap features
 * come first, so the fast model reads a prefix of the full vector. Stateless; thread-safe.
 */
final class CandidateFeatures {
    /** Features without the sentence vector. */
    static final int CHEAP = 11;
    /** Features with it. */
    static final int FULL = CHEAP + 10;
    /** Where {@link RankerModel#calibration} reads: the intent's confidence, the top-intent flag, BM25, the entry classifier. */
    static final int INTENT = 0;
    static final int TOP_INTENT = 1;
    static final int BM25_LOG = 5;
    static final int ENTRY = 9;
    /** ...and, with vectors, the cosine, the second cosine and the share of the nearest phrasings. */
    static final int COSINE = CHEAP;
    static final int COSINE_SECOND = CHEAP + 6;
    static final int KNN_SHARE = CHEAP + 7;
    /** ...and the probability of the entry classifier that also reads the sentence vector. */
    static final int ENTRY_DENSE = CHEAP + 8;
    /** Entries of the entry classifier taken as candidates. */
    static final int ENTRY_CANDIDATES = 3;
    /** Names, for the saved model and the trace. */
    static final List<String> NAMES = List.of("intent", "top_intent", "bm25_share", "bm25_top", "bm25_top_in_intent",
            "bm25_log", "default_entry", "bm25_missing", "intent_x_bm25", "entry", "entry_top",
            "cosine", "cosine_gap", "cosine_top", "cosine_top_in_intent", "intent_x_cosine", "cosine_x_bm25",
            "cosine_second", "knn_share", "entry_dense", "entry_dense_top");
    /** Intents whose entries are all candidates. */
    private static final int INTENTS = 2;
    /** BM25 and vector neighbours taken as candidates. */
    static final int NEIGHBOURS = 10;

    private final List<FaqEntry> entries;
    private final Map<String, Integer> ordOf = new HashMap<>();
    private final Map<String, List<Integer>> byIntent = new HashMap<>();
    private final boolean[] primary;

    CandidateFeatures(List<FaqEntry> entries) {
        this.entries = List.copyOf(entries);
        this.primary = new boolean[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            FaqEntry entry = entries.get(i);
            ordOf.put(entry.id(), i);
            List<Integer> same = byIntent.computeIfAbsent(entry.intent(), k -> new ArrayList<>());
            primary[i] = same.isEmpty();
            same.add(i);
        }
    }

    List<FaqEntry> entries() {
        return entries;
    }

    int ordOf(FaqEntry entry) {
        Integer ord = ordOf.get(entry.id());
        if (ord == null) {
            throw new IllegalArgumentException("unknown FAQ entry " + entry.id());
        }
        return ord;
    }

    /**
     * The candidates, in a stable order: the likely intents' entries, then the entry classifier's
     * first ones, then BM25 hits, then vector neighbours and the first ones of the entry classifier
     * with vectors. {@code entry} is the entry classifier's prediction (its labels are entry ids),
     * {@code denseEntry} that of the one with vectors (null with {@code similar}: the cheap path).
     */
    int[] candidates(IntentPrediction prediction, IntentPrediction entry, List<FaqHit> hits,
                     PhrasingVectors.Similarity similar, IntentPrediction denseEntry) {
        Set<Integer> chosen = new LinkedHashSet<>();
        int intents = 0;
        for (IntentScore score : prediction.ranked()) {
            List<Integer> of = byIntent.get(score.label());
            if (of != null) {
                chosen.addAll(of);
                if (++intents == INTENTS) {
                    break;
                }
            }
        }
        addFirst(chosen, entry);
        for (int i = 0; i < hits.size() && i < NEIGHBOURS; i++) {
            chosen.add(ordOf(hits.get(i).entry()));
        }
        if (similar != null) {
            for (int ord : topOrds(similar.best(), NEIGHBOURS)) {
                chosen.add(ord);
            }
        }
        if (denseEntry != null) {
            addFirst(chosen, denseEntry);
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The first {@value #ENTRY_CANDIDATES} entries of an entry classifier's prediction. */
    private void addFirst(Set<Integer> chosen, IntentPrediction entry) {
        int taken = 0;
        for (IntentScore score : entry.ranked()) {
            Integer ord = ordOf.get(score.label());
            if (ord != null) {
                chosen.add(ord);
                if (++taken == ENTRY_CANDIDATES) {
                    break;
                }
            }
        }
    }

    /** Each entry's probability under an entry classifier's prediction. */
    private double[] byEntry(IntentPrediction entry) {
        double[] p = new double[entries.size()];
        for (IntentScore score : entry.ranked()) {
            Integer ord = ordOf.get(score.label());
            if (ord != null) {
                p[ord] = score.confidence();
            }
        }
        return p;
    }

    /** One row per candidate, {@link #CHEAP} or {@link #FULL} long. */
    double[][] rows(int[] candidates, IntentPrediction prediction, IntentPrediction entry, List<FaqHit> hits,
                    PhrasingVectors.Similarity similar, IntentPrediction denseEntry) {
        Map<String, Double> intent = new HashMap<>();
        for (IntentScore score : prediction.ranked()) {
            intent.put(score.label(), score.confidence());
        }
        double[] entryP = byEntry(entry);
        Integer entryTop = ordOf.get(entry.top().label());
        if ((similar == null) != (denseEntry == null)) {
            throw new IllegalArgumentException(
                    "the vector features need both the similarities and the entry classifier with vectors");
        }
        double[] denseP = denseEntry == null ? null : byEntry(denseEntry);
        Integer denseTop = denseEntry == null ? null : ordOf.get(denseEntry.top().label());
        String topIntent = prediction.top().label();
        double[] bm25 = new double[entries.size()];
        Map<String, Integer> bestInIntent = new HashMap<>();
        for (FaqHit hit : hits) {
            int ord = ordOf(hit.entry());
            bm25[ord] = hit.score();
            bestInIntent.putIfAbsent(hit.entry().intent(), ord);
        }
        double bestBm25 = hits.isEmpty() ? 0 : hits.get(0).score();
        int bm25Top = hits.isEmpty() ? -1 : ordOf(hits.get(0).entry());
        Dense dense = similar == null ? null : new Dense(similar.best(), entries);
        double[][] rows = new double[candidates.length][];
        for (int c = 0; c < candidates.length; c++) {
            int ord = candidates[c];
            FaqEntry faqEntry = entries.get(ord);
            double p = intent.getOrDefault(faqEntry.intent(), 0.0);
            double share = bestBm25 > 0 ? bm25[ord] / bestBm25 : 0;
            double[] row = new double[dense == null ? CHEAP : FULL];
            row[0] = p;
            row[1] = faqEntry.intent().equals(topIntent) ? 1 : 0;
            row[2] = share;
            row[3] = ord == bm25Top ? 1 : 0;
            row[4] = Integer.valueOf(ord).equals(bestInIntent.get(faqEntry.intent())) ? 1 : 0;
            row[5] = Math.log1p(bm25[ord]) / 3;
            row[6] = primary[ord] ? 1 : 0;
            row[7] = bm25[ord] == 0 ? 1 : 0;
            row[8] = p * share;
            row[9] = entryP[ord];
            row[10] = entryTop != null && entryTop == ord ? 1 : 0;
            if (dense != null) {
                double cos = Math.max(0, similar.best()[ord]);
                row[COSINE] = cos;
                row[CHEAP + 1] = cos - dense.best;
                row[CHEAP + 2] = ord == dense.top ? 1 : 0;
                row[CHEAP + 3] = ord == dense.topIn.get(faqEntry.intent()) ? 1 : 0;
                row[CHEAP + 4] = p * cos;
                row[CHEAP + 5] = cos * share;
                row[COSINE_SECOND] = Math.max(0, similar.second()[ord]);
                row[KNN_SHARE] = similar.knnShare()[ord];
                row[ENTRY_DENSE] = denseP[ord];
                row[ENTRY_DENSE + 1] = denseTop != null && denseTop == ord ? 1 : 0;
            }
            rows[c] = row;
        }
        return rows;
    }

    /** The {@code k} entries with the highest cosines, best first. */
    static int[] topOrds(float[] cosines, int k) {
        Integer[] order = new Integer[cosines.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> cosines[a] != cosines[b] ? Float.compare(cosines[b], cosines[a]) : a - b);
        int n = Math.min(k, order.length);
        int[] top = new int[n];
        for (int i = 0; i < n; i++) {
            top[i] = order[i];
        }
        return top;
    }

    /** The best cosine, its entry, and the best entry of each intent. */
    private static final class Dense {
        final double best;
        final int top;
        final Map<String, Integer> topIn = new HashMap<>();

        Dense(float[] cosines, List<FaqEntry> entries) {
            int t = 0;
            for (int i = 0; i < cosines.length; i++) {
                if (cosines[i] > cosines[t]) {
                    t = i;
                }
                Integer current = topIn.get(entries.get(i).intent());
                if (current == null || cosines[i] > cosines[current]) {
                    topIn.put(entries.get(i).intent(), i);
                }
            }
            top = t;
            best = Math.max(0, cosines[t]);
        }
    }
}
