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
 * to): 「好的」 after the offer of a person hands off (with priority after an urgent answer);
 * 「1」「第二个」, an option's text or its topic picks one of the numbered options; 「都试过了，还是不行」
 * after an answer offers a person; 「不是这个」, or 「我问的不是这个啊」 inside a longer message, after
 * an answer offers alternatives and the second time a person; a short, unsure 「那怎么冻结?」「然后呢」
 * after an answer stays on its topic. Anything else is a new question. Immutable and thread-safe.
 */
final class ContextRules {
    /** Longest message (letters and digits) that can be a follow-up rather than a new question. */
    private static final int SHORT = 12;
    /**
     * Longest message that names an option by its topic (「就是退款那个」) rather than asking a new,
     * more specific question in that topic (「信用卡退款多久到」, answered with its own best entry).
     */
    private static final int POINTER = 6;
    /** Out-of-scope confidence above which a short message that does not lean on the last answer is not a follow-up. */
    private static final double SURELY_OOS = 0.75;
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
            return Optional.of(acceptedOffer(state, "with 「" + Cues.bare(text) + "」"));
        }
        if (!last.offeredFaqIds().isEmpty()) {
            Optional<Decision> choice = choice(message, last.offeredFaqIds());
            if (choice.isPresent()) {
                return choice;
            }
        }
        IntentScore own = message.prediction().top();
        // the message asks something else: its own intent is sure and, with a ranker, so is an entry
        // for it (「你说的这个不是我要问的啊」 can lean to an intent, but no entry answers it)
        boolean ownIsOther = !own.label().equals(Intents.OOS) && own.confidence() >= policy.thresholds().answer()
                && !own.label().equals(state.lastIntent()) && !noLikelyEntry(message);
        if (last.answeredFaqId() != null && cues.saysStillNotSolved(text) && !ownIsOther) {
            // the steps were tried: another round of them would not help, a person might
            IntentScore topic = state.lastIntent() == null ? null : new IntentScore(state.lastIntent(), 1.0);
            return Optional.of(new Decision.Notice(topic, true, Reason.STILL_NOT_SOLVED,
                    "the steps of " + last.answeredFaqId() + " did not help"));
        }
        boolean saidSomething = last.answeredFaqId() != null || !last.offeredFaqIds().isEmpty();
        if (saidSomething && (cues.rejects(text) || cues.repairs(text) && !ownIsOther)) {
            return Optional.of(rejected(state));
        }
        Optional<Decision> inContext = inContext(message, state);
        if (inContext.isPresent()) {
            return inContext;
        }
        if (last.answeredFaqId() != null && state.lastIntent() != null && isShortAndUnsure(message)) {
            return followUp(message, state);
        }
        return Optional.empty();
    }

    /**
     * The handoff when the user takes the person the bot offered: with priority after an urgent
     * answer (a stolen account), in the queue's normal order after failures.
     */
    Decision acceptedOffer(ConversationState state, String how) {
        ConversationState.Context last = state.context();
        boolean urgent = last.answeredFaqId() != null && catalog.byId(last.answeredFaqId())
                .map(e -> e.intent().equals(Intents.ACCOUNT_STOLEN)).orElse(false);
        IntentScore topic = state.lastIntent() == null ? null : new IntentScore(state.lastIntent(), 1.0);
        String after = last.answeredFaqId() != null ? " after " + last.answeredFaqId() : " after failures";
        return new Decision.Handoff(topic, urgent, Reason.ACCEPTED_OFFER, "accepted the person offered" + after
                + " " + how);
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
        boolean ownIsOther = top.confidence() >= policy.thresholds().answer() && !top.label().equals(Intents.OOS)
                && offered.stream().noneMatch(e -> e.intent().equals(top.label()));
        if (chosen == null && !ownIsOther) {
            // 「我是想知道钱会退到哪里」: the message describes one of the options in its own words
            FaqHit likeliest = message.answers().stream().filter(h -> offered.contains(h.entry())).findFirst()
                    .orElse(null);
            boolean first = likeliest != null && !message.answers().isEmpty()
                    && message.answers().get(0).entry().equals(likeliest.entry());
            if (likeliest != null && first && likeliest.score() >= policy.thresholds().clarifyFloor()) {
                return Optional.of(answer(new IntentScore(likeliest.entry().intent(), likeliest.score()),
                        likeliest.entry(), Reason.CHOSEN_OPTION, "the option " + likeliest.entry().id()
                                + " described (" + DecisionPolicy.describe(likeliest, "", Double.NaN) + ")"));
            }
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
            return policy.fallback(state, Reason.REJECTED_ANSWER, "rejected again");
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

    /**
     * A short message read after the last answered question lands on another entry of that topic,
     * and it leans on it (「那转账呢」) or is less sure of its own answer: answered with that entry,
     * whatever the classifier makes of the message alone.
     */
    private Optional<Decision> inContext(Message message, ConversationState state) {
        String topic = state.lastIntent();
        String answered = state.context().answeredFaqId();
        if (message.inContext().isEmpty() || topic == null || answered == null) {
            return Optional.empty();
        }
        // the question itself, read again, is the likeliest answer; the follow-up asks for another, so the
        // others' probabilities are read given that it is not that one
        double others = 1 - message.inContext().stream().filter(h -> h.entry().id().equals(answered))
                .mapToDouble(FaqHit::score).sum();
        FaqHit next = message.inContext().stream().filter(h -> !h.entry().id().equals(answered)).findFirst()
                .orElse(null);
        if (next == null || others <= 0 || !next.entry().intent().equals(topic)) {
            return Optional.empty();
        }
        IntentScore alone = message.prediction().top();
        if (Intents.isSmallTalk(alone.label()) && alone.confidence() >= policy.thresholds().answer()) {
            return Optional.empty(); // 「好的谢谢」 closes the topic, it does not continue it
        }
        boolean leans = cues.leansOnContext(message.text());
        FaqHit read = new FaqHit(next.entry(), leans ? Math.min(1, next.score() / others) : next.score());
        if (read.score() < policy.thresholds().answer()) {
            return Optional.empty();
        }
        FaqHit own = message.answers().isEmpty() ? null : message.answers().get(0);
        if (!leans && own != null && own.score() >= read.score()) {
            return Optional.empty();
        }
        if (own != null && own.entry().equals(read.entry())) {
            return Optional.empty(); // the message alone finds it too: answered as a question of its own
        }
        return Optional.of(answer(new IntentScore(topic, read.score()), read.entry(), Reason.FOLLOW_UP,
                "follow-up of " + answered + ": " + DecisionPolicy.describe(read, "", Double.NaN) + " read after it"
                        + (own == null ? "" : ", alone " + DecisionPolicy.describe(own, "", Double.NaN))));
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
        // 「今晚吃火锅还是烧烤」 after a payment answer: sure to be out of scope, it is no follow-up
        boolean surelyElsewhere = own.label().equals(Intents.OOS) && own.confidence() >= SURELY_OOS;
        if (onTopic != null && !cues.asksForMore(message.text()) && (leans || bestHitOnTopic && !surelyElsewhere)) {
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
        // unsure: alone, the message would not be answered (the classifier or, with a ranker, the entry)
        boolean unsure = top.label().equals(Intents.OOS) || top.confidence() < policy.thresholds().answer()
                || noLikelyEntry(message);
        return unsure && !top.label().equals(Intents.HUMAN_AGENT) && Cues.bare(message.text()).length() <= SHORT;
    }

    /** The message was ranked and no entry reached the answer threshold (false without a ranker). */
    private boolean noLikelyEntry(Message message) {
        return !message.answers().isEmpty() && message.answers().get(0).score() < policy.thresholds().answer();
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
