package dev.kefu.dialog.conversation;

import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.intent.IntentScore;
import java.util.List;
import java.util.Objects;

/**
 * Why the bot replied as it did, kept beside the reply in the transcript (the decision log): the
 * version of the models that decided, the best intents and the best candidate entries with their
 * scores, the thresholds in force and the rule that decided (the decision's reason, action and
 * detail). Holds no user text: the message it answers is the user line before it.
 *
 * @param version    the knowledge base and model version the engine had loaded
 * @param intents    the best intents, best first (at most {@link #KEPT}); empty when nothing was classified
 * @param candidates the best entries of the answer ranker, best first (at most {@link #KEPT})
 * @param path       how the ranking was made ({@link dev.kefu.answer.Ranking#path()}), or {@code none}
 * @param thresholds the policy's thresholds
 * @param action     the action's wire name
 * @param reason     the reason's wire name (the rule that decided)
 * @param detail     the figures behind the reason
 */
public record DecisionRecord(String version, List<IntentScore> intents, List<Candidate> candidates, String path,
                             Thresholds thresholds, String action, String reason, String detail) {
    /** Intents and candidates kept of a ranking: the ones an auditor reads, not the long tail. */
    public static final int KEPT = 5;

    public DecisionRecord {
        Objects.requireNonNull(version, "version");
        intents = List.copyOf(intents.size() > KEPT ? intents.subList(0, KEPT) : intents);
        candidates = List.copyOf(candidates.size() > KEPT ? candidates.subList(0, KEPT) : candidates);
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** One entry the ranker proposed, with the probability (0..1) that it answers the message. */
    public record Candidate(String faqId, double score) {
        public Candidate {
            Objects.requireNonNull(faqId, "faqId");
        }
    }

    /** The score of entry {@code faqId} among the candidates; null when it is not one (or is null). */
    public Double scoreOf(String faqId) {
        for (Candidate c : candidates) {
            if (c.faqId().equals(faqId)) {
                return c.score();
            }
        }
        return null;
    }

    /**
     * This record as one JSON object, written by hand: it is built for every reply, on the reply
     * path, where a reflective mapper would cost more than the rest of the record. Scores are
     * rounded to 4 decimals.
     */
    public String toJson() {
        StringBuilder json = new StringBuilder(512);
        json.append("{\"version\":");
        string(json, version);
        json.append(",\"action\":");
        string(json, action);
        json.append(",\"reason\":");
        string(json, reason);
        json.append(",\"detail\":");
        string(json, detail);
        json.append(",\"path\":");
        string(json, path);
        json.append(",\"intents\":[");
        for (int i = 0; i < intents.size(); i++) {
            json.append(i == 0 ? "{\"intent\":" : ",{\"intent\":");
            string(json, intents.get(i).label());
            number(json.append(",\"confidence\":"), intents.get(i).confidence()).append('}');
        }
        json.append("],\"candidates\":[");
        for (int i = 0; i < candidates.size(); i++) {
            json.append(i == 0 ? "{\"faqId\":" : ",{\"faqId\":");
            string(json, candidates.get(i).faqId());
            number(json.append(",\"score\":"), candidates.get(i).score()).append('}');
        }
        Thresholds t = thresholds;
        number(json.append("],\"thresholds\":{\"answer\":"), t.answer());
        number(json.append(",\"handoff\":"), t.handoff());
        number(json.append(",\"clarifyMargin\":"), t.clarifyMargin());
        number(json.append(",\"clarifyFloor\":"), t.clarifyFloor());
        number(json.append(",\"answerMargin\":"), t.answerMargin());
        json.append(",\"fallbacksBeforeHandoff\":").append(t.fallbacksBeforeHandoff()).append("}}");
        return json.toString();
    }

    /**
     * Appends {@code value} (0..1 here, any finite value works) rounded to 4 decimals, without
     * trailing zeros: {@code 0.9123}, {@code 0.5}, {@code 1.0}. Integer arithmetic, since
     * {@code Double.toString} was most of the record's cost (JMH, {@code StepBenchmarks.decisionLog}).
     */
    static StringBuilder number(StringBuilder json, double value) {
        long scaled = Math.round(Math.abs(value) * 10_000);
        if (value < 0 && scaled != 0) {
            json.append('-');
        }
        json.append(scaled / 10_000).append('.');
        long decimals = scaled % 10_000;
        if (decimals == 0) {
            return json.append('0');
        }
        int digits = 4;
        while (decimals % 10 == 0) {
            decimals /= 10;
            digits--;
        }
        String text = Long.toString(decimals);
        for (int pad = text.length(); pad < digits; pad++) {
            json.append('0');
        }
        return json.append(text);
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
