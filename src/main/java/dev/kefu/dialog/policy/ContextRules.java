package dev.kefu.dialog.policy;

import dev.kefu.faq.FaqEntry;
import dev.kefu.faq.FaqHit;
import dev.kefu.intent.IntentScore;
import dev.kefu.intent.Intents;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The rules that read a message against what the bot said last (pure, like the policy they belong
 * to): 「好的」 after the offer of a person hands off with priority; 「1」「第二个」, an option's text
 * or its topic picks one of the numbered options; 「不是这个」 after an answer offers alternatives and
 * the second time a person; a short, unsure 「那怎么冻结?」「然后呢」 after an answer stays on its
 * topic. Anything else is a new question. Immutable and thread-safe.
 */
final class ContextRules {
    /** Longest message (letters and digits) that can be a follow-up rather than a new question. */
    private static final int SHORT = 12;
    /**
     * Longest message that names an option by its topic (「就是退款那个」) rather than asking a new,
     * more specific question in that topic (「信用卡退款多久到」, answered with its own best entry).
     */
    private static final int POINTER = 6;
    /** Options offered after 「不是这个」 or 「然后呢」. */
    private static final int ALTERNATIVES = 3;

    private final DecisionPolicy policy;
    private final FaqCatalog catalog;
    private final Cues cues;

    ContextRules(DecisionPolicy policy, FaqCatalog catalog, Cues cues) {
        this.policy = policy;
        this.catalog = catalog;
        this.cues = cues;
    }

    /** The decision this message gets because of the conversation so far, or empty for a new question. */
    Optional<Decision> decide(Message message, ConversationState state) {
        ConversationState.Context last = state.context();
        String text = message.text();
        if (last.handoffOffered() && cues.accepts(text)) {
            IntentScore topic = state.lastIntent() == null ? null : new IntentScore(state.lastIntent(), 1.0);
            return Optional.of(new Decision.Handoff(topic, true, Reason.ACCEPTED_OFFER,
                    "accepted the person offered with " + last.answeredFaqId()));
        }
        if (!last.offeredFaqIds().isEmpty()) {
            Optional<Decision> choice = choice(message, last.offeredFaqIds());
            if (choice.isPresent()) {
                return choice;
            }
        }
        boolean saidSomething = last.answeredFaqId() != null || !last.offeredFaqIds().isEmpty();
        if (saidSomething && cues.rejects(text)) {
            return Optional.of(rejected(state));
        }
        if (last.answeredFaqId() != null && state.lastIntent() != null && isShortAndUnsure(message)) {
            return followUp(message, state);
        }
        return Optional.empty();
    }

    private Optional<Decision> choice(Message message, List<String> offeredIds) {
        List<FaqEntry> offered = offeredIds.stream().flatMap(id -> catalog.byId(id).stream()).toList();
        OptionalInt number = cues.choice(message.text(), offered.size());
        String bare = Cues.bare(message.text());
        FaqEntry chosen = number.isPresent() ? offered.get(number.getAsInt() - 1)
                : offered.stream().filter(e -> Cues.bare(e.question()).equals(bare)).findFirst().orElse(null);
        IntentScore top = message.prediction().top();
        boolean pointsAtOne = top.confidence() < policy.thresholds().answer() || bare.length() <= POINTER;
        if (chosen == null && pointsAtOne && top.confidence() >= policy.thresholds().clarifyFloor()) {
            List<FaqEntry> sameTopic = offered.stream().filter(e -> e.intent().equals(top.label())).toList();
            chosen = sameTopic.size() == 1 ? sameTopic.get(0) : null;
        }
        if (chosen == null) {
            return Optional.empty();
        }
        String how = number.isPresent() ? "option " + number.getAsInt() + " of " + offered.size()
                : "the option " + chosen.id() + " by its words";
        return Optional.of(answer(new IntentScore(chosen.intent(), 1.0), chosen, Reason.CHOSEN_OPTION, how));
    }

    private Decision rejected(ConversationState state) {
        ConversationState.Context last = state.context();
        if (state.consecutiveFallbacks() >= policy.thresholds().fallbacksBeforeHandoff()) {
            return new Decision.Handoff(false, Reason.REPEATED_FALLBACK,
                    (state.consecutiveFallbacks() + 1) + " fallbacks in a row (" + Reason.REJECTED_ANSWER.wireName() + ")");
        }
        List<FaqEntry> alternatives = new ArrayList<>();
        List<FaqEntry> pool = new ArrayList<>();
        if (last.answeredFaqId() != null && state.lastIntent() != null) {
            pool.addAll(catalog.of(state.lastIntent()));
        }
        pool.addAll(catalog.topics());
        for (FaqEntry entry : pool) {
            if (alternatives.size() < ALTERNATIVES && !entry.id().equals(last.answeredFaqId())
                    && !last.offeredFaqIds().contains(entry.id()) && !alternatives.contains(entry)) {
                alternatives.add(entry);
            }
        }
        String what = last.answeredFaqId() != null ? last.answeredFaqId() : String.join(", ", last.offeredFaqIds());
        return new Decision.Clarify(alternatives, Reason.REJECTED_ANSWER, "rejected " + what);
    }

    private Optional<Decision> followUp(Message message, ConversationState state) {
        String topic = state.lastIntent();
        String answered = state.context().answeredFaqId();
        boolean leans = cues.asksForMore(message.text()) || cues.leansOnContext(message.text());
        List<FaqHit> hits = message.hits();
        FaqEntry onTopic = hits.stream().map(FaqHit::entry)
                .filter(e -> e.intent().equals(topic) && !e.id().equals(answered)).findFirst().orElse(null);
        boolean bestHitOnTopic = !hits.isEmpty() && hits.get(0).entry().intent().equals(topic);
        IntentScore own = message.prediction().top();
        String detail = "follow-up of " + topic + " (own: " + DecisionPolicy.describe(own, "", Double.NaN) + ")";
        IntentScore score = new IntentScore(topic, scoreOf(message, topic));
        if (onTopic != null && !cues.asksForMore(message.text()) && (leans || bestHitOnTopic)) {
            return Optional.of(answer(score, onTopic, Reason.FOLLOW_UP, detail));
        }
        if (!leans) {
            return Optional.empty();
        }
        List<FaqEntry> more = catalog.of(topic).stream().filter(e -> !e.id().equals(answered))
                .limit(ALTERNATIVES).toList();
        return Optional.of(more.size() >= 2 ? new Decision.Clarify(more, Reason.MORE_ON_TOPIC, detail)
                : policy.fallback(state, Reason.LOW_CONFIDENCE, detail));
    }

    private boolean isShortAndUnsure(Message message) {
        IntentScore top = message.prediction().top();
        boolean unsure = top.label().equals(Intents.OOS) || top.confidence() < policy.thresholds().answer();
        return unsure && !top.label().equals(Intents.HUMAN_AGENT) && Cues.bare(message.text()).length() <= SHORT;
    }

    private Decision answer(IntentScore intent, FaqEntry entry, Reason reason, String detail) {
        List<FaqEntry> related = catalog.of(entry.intent()).stream().filter(e -> !e.equals(entry)).limit(2).toList();
        boolean urgent = entry.intent().equals(Intents.ACCOUNT_STOLEN);
        return new Decision.Answer(intent, entry, Intents.isSmallTalk(entry.intent()) ? List.of() : related, urgent,
                reason, detail);
    }

    private static double scoreOf(Message message, String label) {
        return message.prediction().ranked().stream().filter(s -> s.label().equals(label))
                .mapToDouble(IntentScore::confidence).findFirst().orElse(0.0);
    }
}
