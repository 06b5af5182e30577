package dev.kefu.dialog;

import dev.kefu.faq.FaqEntry;
import dev.kefu.faq.FaqHit;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.IntentScore;
import dev.kefu.intent.Intents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Chooses what to do with a classified message. Pure: no I/O, the same inputs give the same
 * decision. Rules, in order: a request for a person hands off; out-of-scope or unlikely intents
 * fall back (the second fallback in a row hands off); a likely intent is answered with its best
 * FAQ entry ({@code account_stolen} also offers a person at once); two close intents ask which.
 * Immutable and thread-safe.
 */
public final class DecisionPolicy {
    /** Topics offered by a fallback. */
    private static final int FALLBACK_TOPICS = 4;
    /** Related questions offered under an answer. */
    private static final int RELATED = 2;

    private final Thresholds thresholds;
    private final Map<String, FaqEntry> primaryByIntent;
    private final List<FaqEntry> fallbackTopics;

    /** {@code entries} in corpus order: the first entry of an intent is its default answer. */
    public DecisionPolicy(Thresholds thresholds, List<FaqEntry> entries) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        Map<String, FaqEntry> primary = new LinkedHashMap<>();
        for (FaqEntry entry : entries) {
            primary.putIfAbsent(entry.intent(), entry);
        }
        this.primaryByIntent = primary;
        this.fallbackTopics = primary.values().stream()
                .filter(e -> !Intents.isSmallTalk(e.intent())).limit(FALLBACK_TOPICS).toList();
    }

    /** The thresholds in use. */
    public Thresholds thresholds() {
        return thresholds;
    }

    /** The decision for a message with this prediction and these FAQ hits, in this state. */
    public Decision decide(IntentPrediction prediction, List<FaqHit> hits, ConversationState state) {
        IntentScore top = prediction.top();
        if (top.label().equals(Intents.HUMAN_AGENT) && top.confidence() >= thresholds.handoff()) {
            return new Decision.Handoff(false, Reason.USER_REQUEST, describe(top, ">=", thresholds.handoff()));
        }
        if (top.label().equals(Intents.OOS)) {
            return fallback(state, Reason.OUT_OF_SCOPE, describe(top, "", Double.NaN));
        }
        if (top.confidence() >= thresholds.answer()) {
            return answer(top, hits, state);
        }
        IntentScore second = prediction.second();
        if (isCloseCandidate(top, second)) {
            return new Decision.Clarify(List.of(primaryByIntent.get(top.label()), primaryByIntent.get(second.label())),
                    Reason.CLOSE_CANDIDATES, describe(top, "~", second.confidence()) + " vs " + second.label());
        }
        return fallback(state, Reason.LOW_CONFIDENCE, describe(top, "<", thresholds.answer()));
    }

    /** Decision for a message with nothing to classify. */
    public Decision empty() {
        return new Decision.Fallback(fallbackTopics, Reason.EMPTY_MESSAGE, "no text after normalization");
    }

    /** Decision for a message in a conversation that is already with a person: the bot stays silent. */
    public Decision withAgent() {
        return new Decision.Handoff(false, Reason.WITH_AGENT, "conversation already handed off");
    }

    private Decision answer(IntentScore top, List<FaqHit> hits, ConversationState state) {
        FaqEntry entry = hits.stream().map(FaqHit::entry)
                .filter(e -> e.intent().equals(top.label())).findFirst()
                .orElse(primaryByIntent.get(top.label()));
        if (entry == null) {
            return fallback(state, Reason.NO_ANSWER, top.label() + " has no FAQ entry");
        }
        List<FaqEntry> related = new ArrayList<>();
        for (FaqHit hit : hits) {
            if (related.size() < RELATED && !hit.entry().equals(entry) && !Intents.isSmallTalk(hit.entry().intent())
                    && hit.entry().intent().equals(top.label())) {
                related.add(hit.entry());
            }
        }
        boolean urgent = top.label().equals(Intents.ACCOUNT_STOLEN);
        return new Decision.Answer(top, entry, Intents.isSmallTalk(top.label()) ? List.of() : related, urgent,
                urgent ? Reason.PRIORITY_INTENT : Reason.CONFIDENT_MATCH, describe(top, ">=", thresholds.answer()));
    }

    private boolean isCloseCandidate(IntentScore top, IntentScore second) {
        return second.confidence() >= thresholds.clarifyFloor()
                && top.confidence() - second.confidence() <= thresholds.clarifyMargin()
                && isOffered(top.label()) && isOffered(second.label());
    }

    private boolean isOffered(String label) {
        return !Intents.isSmallTalk(label) && !label.equals(Intents.OOS) && !label.equals(Intents.HUMAN_AGENT)
                && primaryByIntent.containsKey(label);
    }

    private Decision fallback(ConversationState state, Reason reason, String detail) {
        if (state.consecutiveFallbacks() >= thresholds.fallbacksBeforeHandoff()) {
            return new Decision.Handoff(false, Reason.REPEATED_FALLBACK,
                    (state.consecutiveFallbacks() + 1) + " fallbacks in a row (" + reason.wireName() + ")");
        }
        return new Decision.Fallback(fallbackTopics, reason, detail);
    }

    private static String describe(IntentScore score, String relation, double threshold) {
        String head = score.label() + " " + String.format(Locale.ROOT, "%.2f", score.confidence());
        return Double.isNaN(threshold) ? head : head + " " + relation + " " + String.format(Locale.ROOT, "%.2f", threshold);
    }
}
