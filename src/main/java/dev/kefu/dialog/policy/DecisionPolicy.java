package dev.kefu.dialog.policy;

import dev.kefu.faq.FaqEntry;
import dev.kefu.faq.FaqHit;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.IntentScore;
import dev.kefu.intent.Intents;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses what to do with a classified message. Pure: no I/O, the same inputs give the same
 * decision. First what the words alone decide: 「取消转人工」 cancels a waiting handoff; a complaint
 * or a request for a person hands off. Then the conversation's context ({@link ContextRules}: an
 * accepted offer, a choice among offered options, steps that did not help, a rejected answer, a
 * follow-up). Then, in order: a vague message asks which problem it is; out-of-scope or unlikely
 * intents fall back (from the second failure in a row on, offering a person); a likely intent is
 * answered with its best FAQ entry ({@code account_stolen} also offers a person at once), and when
 * the message names a second, more urgent problem, that one is answered first; two close entries
 * ask which. The same message a second time is answered with an apology, a third time also with the
 * offer of a person. Immutable and thread-safe.
 */
public final class DecisionPolicy {
    /** Related questions offered under an answer. */
    private static final int RELATED = 2;
    /** Other ranked entries at least this likely are offered under an answer before the same topic's others. */
    private static final double RELATED_FLOOR = 0.15;
    /** Options offered for a vague message, or for a sure topic without a sure entry. */
    private static final int VAGUE_OPTIONS = 3;
    /**
     * Intent confidence from which a message whose entry is below the answer threshold gets the
     * topic's likeliest entries as options instead of a fallback (BENCHMARKS.md: chosen under
     * answer-level CV by the top-3 figure, which counts the options shown).
     */
    static final double SURE_TOPIC = 0.8;

    private final Thresholds thresholds;
    private final FaqCatalog catalog;
    private final Cues cues;
    private final ContextRules context;

    /** {@code entries} in corpus order: the first entry of an intent is its default answer. */
    public DecisionPolicy(Thresholds thresholds, List<FaqEntry> entries) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.catalog = new FaqCatalog(entries);
        this.cues = Cues.shipped();
        this.context = new ContextRules(this, catalog, cues);
    }

    /** The question of FAQ entry {@code id}, if there is one. */
    public Optional<String> questionOf(String id) {
        return catalog.byId(id).map(FaqEntry::question);
    }

    /** The thresholds in use. */
    public Thresholds thresholds() {
        return thresholds;
    }

    /** The decision for {@code message} in a conversation in {@code state}. */
    public Decision decide(Message message, ConversationState state) {
        return request(message, state)
                .or(() -> context.decide(message, state))
                .orElseGet(() -> unlessRepeated(decideAlone(message, state), message, state));
    }

    /**
     * What the words decide before anything else: 「取消转人工」 cancels a waiting handoff; a complaint,
     * a manager or a real person asked for, or the classifier sure of {@code human_agent}, hand off.
     */
    private Optional<Decision> request(Message message, ConversationState state) {
        String text = message.text();
        if (cues.cancelsHandoff(text)) {
            return Optional.of(state.waitingForAgent()
                    ? new Decision.Notice(null, false, Reason.HANDOFF_CANCELLED, "the waiting handoff is cancelled")
                    : new Decision.Notice(null, false, Reason.NOTHING_TO_CANCEL, "no handoff is waiting"));
        }
        IntentScore person = new IntentScore(Intents.HUMAN_AGENT, 1.0);
        if (cues.complains(text)) {
            return Optional.of(new Decision.Handoff(person, false, Reason.COMPLAINT, "a complaint"));
        }
        IntentScore top = message.prediction().top();
        boolean classified = top.label().equals(Intents.HUMAN_AGENT) && top.confidence() >= thresholds.handoff();
        if (!classified && !cues.asksForPerson(text)) {
            return Optional.empty();
        }
        String detail = classified ? describe(top, ">=", thresholds.handoff()) : "a person asked for in other words";
        return Optional.of(new Decision.Handoff(classified ? null : person, false, Reason.USER_REQUEST, detail));
    }

    /** The decision for a message with this prediction and these hits, whatever its text. */
    public Decision decide(IntentPrediction prediction, List<FaqHit> hits, ConversationState state) {
        return decide(new Message("", prediction, hits), state);
    }

    /** Decision for a message with nothing to classify. */
    public Decision empty() {
        return new Decision.Fallback(catalog.topics(), Reason.EMPTY_MESSAGE, "no text after normalization");
    }

    /** Decision for a message in a conversation that is already with a person: the bot stays silent. */
    public Decision withAgent() {
        return new Decision.Handoff(false, Reason.WITH_AGENT, "conversation already handed off");
    }

    private Decision decideAlone(Message message, ConversationState state) {
        IntentScore top = message.prediction().top();
        IntentScore second = message.prediction().second();
        List<FaqHit> answers = answersOf(message);
        if (cues.isVague(message.text()) && state.context().offeredFaqIds().isEmpty()) {
            List<FaqEntry> options = vagueOptions(answers);
            if (options.size() >= 2) {
                return new Decision.Clarify(options, Reason.VAGUE_MESSAGE, "names a topic, not a problem: "
                        + String.join(", ", options.stream().map(FaqEntry::id).toList()));
            }
        }
        // two problems: both intents are clear enough (the top one could be answered on its own)
        boolean twoProblems = top.confidence() >= thresholds.answer() && isOffered(top.label())
                && isOffered(second.label()) && second.confidence() >= thresholds.clarifyFloor()
                && cues.joinsTwo(message.text());
        if (twoProblems && Intents.urgency(second.label()) > Intents.urgency(top.label())) {
            return answer(new FaqHit(bestOf(second.label(), answers), second.confidence()), top, answers, message.hits());
        }
        if (cues.losesMoney(message.text())) {
            // money gone, a scam, a code given away: the stolen-account path whatever the classifier says
            FaqEntry urgent = java.util.stream.Stream.concat(answers.stream(), message.hits().stream())
                    .map(FaqHit::entry).filter(e -> e.intent().equals(Intents.ACCOUNT_STOLEN)).findFirst()
                    .orElse(catalog.primary(Intents.ACCOUNT_STOLEN));
            if (urgent != null) {
                double confidence = Math.max(confidenceOf(message, Intents.ACCOUNT_STOLEN), answers.stream()
                        .filter(h -> h.entry().equals(urgent)).mapToDouble(FaqHit::score).findFirst().orElse(0));
                List<FaqEntry> related = catalog.of(Intents.ACCOUNT_STOLEN).stream().filter(e -> !e.equals(urgent))
                        .limit(RELATED).toList();
                return new Decision.Answer(new IntentScore(Intents.ACCOUNT_STOLEN, confidence), urgent, related, true,
                        Reason.PRIORITY_INTENT, "money lost or a code given away (words), " + describe(
                        new IntentScore(Intents.ACCOUNT_STOLEN, confidence), "", Double.NaN) + ", top " + describe(top,
                        "", Double.NaN));
            }
        }
        // an unsure "out of scope" of the classifier gives way to an answer the ranker is sure of (its
        // probability was calibrated with out-of-scope lines as negatives); a sure one stands (under
        // answer-level CV, overriding that one too cost 2.7 points of oos recall, BENCHMARKS.md)
        boolean rankerSure = top.label().equals(Intents.OOS) && !message.answers().isEmpty()
                && answers.get(0).score() >= thresholds.answer();
        if (top.label().equals(Intents.OOS) && !rankerSure) {
            return fallback(state, Reason.OUT_OF_SCOPE, describe(top, "", Double.NaN));
        }
        if (answers.isEmpty() || top.confidence() >= thresholds.answer() && !catalog.hasIntent(top.label())) {
            return fallback(state, Reason.NO_ANSWER, top.label() + " has no FAQ entry");
        }
        FaqHit best = answers.get(0);
        if (Intents.isSmallTalk(best.entry().intent()) && confidenceOf(message, best.entry().intent()) < thresholds.answer()) {
            // small talk is answered only when the classifier itself is sure: a stray 「然后呢」 is no goodbye
            return fallback(state, Reason.LOW_CONFIDENCE, describe(best, "but", Double.NaN) + " "
                    + describe(new IntentScore(best.entry().intent(), confidenceOf(message, best.entry().intent())), "<",
                    thresholds.answer()));
        }
        FaqHit runnerUp = answers.size() > 1 ? answers.get(1) : null;
        double gap = runnerUp == null ? 1 : best.score() - runnerUp.score();
        boolean close = runnerUp != null && runnerUp.score() >= thresholds.clarifyFloor()
                && isOffered(best.entry().intent()) && isOffered(runnerUp.entry().intent());
        if (best.score() >= thresholds.answer()) {
            // a stolen account is not the moment for "which one?": the likeliest entry, now
            boolean urgent = Intents.urgency(best.entry().intent()) == Intents.urgency(Intents.ACCOUNT_STOLEN)
                    && runnerUp != null && runnerUp.entry().intent().equals(best.entry().intent());
            // two problems joined in one message whose entries the ranker is both sure of (the classifier
            // may see only one): the more urgent first, the other offered, as for two sure intents
            boolean twoEntries = !twoProblems && close && runnerUp.score() >= thresholds.answer()
                    && !runnerUp.entry().intent().equals(best.entry().intent()) && cues.joinsTwo(message.text());
            if (twoEntries) {
                FaqHit first = Intents.urgency(runnerUp.entry().intent()) > Intents.urgency(best.entry().intent())
                        ? runnerUp : best;
                FaqHit then = first == best ? runnerUp : best;
                return answer(first, new IntentScore(then.entry().intent(), then.score()), answers, message.hits());
            }
            if (close && gap <= thresholds.answerMargin() && !twoProblems && !urgent) {
                return new Decision.Clarify(List.of(best.entry(), runnerUp.entry()), Reason.CLOSE_ANSWERS,
                        describe(best, "~", runnerUp.score()) + " vs " + runnerUp.entry().id());
            }
            return answer(best, twoProblems ? second : null, answers, message.hits());
        }
        if (close && gap <= thresholds.clarifyMargin()) {
            return new Decision.Clarify(List.of(best.entry(), runnerUp.entry()), Reason.CLOSE_CANDIDATES,
                    describe(best, "~", runnerUp.score()) + " vs " + runnerUp.entry().id());
        }
        // the classifier is sure of the topic, the ranker of no entry in it: the topic's likeliest
        // entries as numbered options help more than 「没太明白」
        if (top.confidence() >= SURE_TOPIC && isOffered(top.label())) {
            List<FaqEntry> options = answers.stream().map(FaqHit::entry).filter(e -> e.intent().equals(top.label()))
                    .distinct().limit(VAGUE_OPTIONS).toList();
            if (options.size() >= 2) {
                return new Decision.Clarify(options, Reason.SURE_TOPIC, describe(top, ">=", SURE_TOPIC) + " but "
                        + describe(best, "<", thresholds.answer()));
            }
        }
        return fallback(state, Reason.LOW_CONFIDENCE, describe(best, "<", thresholds.answer()));
    }

    /** The entries to ask between for a vague message: the likeliest answers of its top intent, else of any. */
    private List<FaqEntry> vagueOptions(List<FaqHit> answers) {
        List<FaqEntry> offered = answers.stream().map(FaqHit::entry).filter(e -> isOffered(e.intent())).toList();
        if (offered.isEmpty()) {
            return List.of();
        }
        String topic = offered.get(0).intent();
        List<FaqEntry> options = new ArrayList<>(offered.stream().filter(e -> e.intent().equals(topic))
                .limit(VAGUE_OPTIONS).toList());
        for (FaqEntry entry : catalog.of(topic)) {
            if (options.size() < VAGUE_OPTIONS && !options.contains(entry)) {
                options.add(entry);
            }
        }
        return options;
    }

    private static double confidenceOf(Message message, String intent) {
        return message.prediction().ranked().stream().filter(s -> s.label().equals(intent))
                .mapToDouble(IntentScore::confidence).findFirst().orElse(0.0);
    }

    /** The ranked answers of {@code message}; without them, each likely intent's best hit at the intent's confidence. */
    private List<FaqHit> answersOf(Message message) {
        if (!message.answers().isEmpty()) {
            return message.answers();
        }
        List<FaqHit> answers = new ArrayList<>();
        for (IntentScore score : message.prediction().ranked()) {
            FaqEntry entry = bestOf(score.label(), message.hits());
            if (entry != null) {
                answers.add(new FaqHit(entry, score.confidence()));
            }
        }
        return answers;
    }

    /**
     * Answers with {@code best}; {@code also}, when not null, is a second problem offered first among
     * the related, which come from the ranked {@code answers}, then the same topic's BM25 {@code hits}.
     */
    private Decision answer(FaqHit best, IntentScore also, List<FaqHit> answers, List<FaqHit> hits) {
        FaqEntry entry = best.entry();
        IntentScore score = new IntentScore(entry.intent(), best.score());
        List<FaqEntry> related = new ArrayList<>();
        if (also != null) {
            related.add(bestOf(also.label(), answers));
        }
        for (FaqHit hit : answers) {
            FaqEntry other = hit.entry();
            if (related.size() < RELATED && !other.equals(entry) && !related.contains(other)
                    && hit.score() >= RELATED_FLOOR && !Intents.isSmallTalk(other.intent())) {
                related.add(other);
            }
        }
        for (FaqHit hit : hits) {
            FaqEntry other = hit.entry();
            if (related.size() < RELATED && !other.equals(entry) && !related.contains(other)
                    && other.intent().equals(entry.intent())) {
                related.add(other);
            }
        }
        boolean urgent = entry.intent().equals(Intents.ACCOUNT_STOLEN);
        Reason reason = also != null ? Reason.TWO_PROBLEMS : urgent ? Reason.PRIORITY_INTENT : Reason.CONFIDENT_MATCH;
        String detail = also != null ? describe(score, "first, then", Double.NaN) + " " + describe(also, "", Double.NaN)
                : describe(best, ">=", thresholds.answer());
        return new Decision.Answer(score, entry, Intents.isSmallTalk(entry.intent()) ? List.of() : related, urgent,
                reason, detail);
    }

    /** The best hit of {@code intent}, else its default entry; null when it has none. */
    FaqEntry bestOf(String intent, List<FaqHit> hits) {
        return hits.stream().map(FaqHit::entry).filter(e -> e.intent().equals(intent)).findFirst()
                .orElse(catalog.primary(intent));
    }

    private Decision unlessRepeated(Decision decision, Message message, ConversationState state) {
        ConversationState.Context last = state.context();
        boolean same = !message.text().isEmpty() && message.text().equals(last.lastMessage());
        if (!same || decision.action() == Action.HANDOFF
                || decision instanceof Decision.Answer a && Intents.isSmallTalk(a.intent().label())) {
            return decision;
        }
        if (decision instanceof Decision.Answer a) {
            // the second time with an apology, from the third on also with the offer of a person
            boolean third = last.repeats() >= 1;
            return new Decision.Answer(a.intent(), a.entry(), a.related(), a.offerHandoff() || third,
                    third ? Reason.REPEATED_MESSAGE : Reason.REPEATED_QUESTION,
                    a.detail() + ", asked " + (last.repeats() + 2) + " times in a row");
        }
        return decision;
    }

    private boolean isOffered(String label) {
        return !Intents.isSmallTalk(label) && !label.equals(Intents.OOS) && !label.equals(Intents.HUMAN_AGENT)
                && catalog.hasIntent(label);
    }

    /**
     * A fallback; once the bot has failed {@code fallbacksBeforeHandoff} times in a row, one that
     * offers a person (it never hands off unasked: the user accepts or asks).
     */
    Decision fallback(ConversationState state, Reason reason, String detail) {
        if (state.consecutiveFallbacks() >= thresholds.fallbacksBeforeHandoff()) {
            return new Decision.Fallback(catalog.topics(), true, Reason.REPEATED_FALLBACK,
                    (state.consecutiveFallbacks() + 1) + " failures in a row (" + reason.wireName() + "), " + detail);
        }
        return new Decision.Fallback(catalog.topics(), reason, detail);
    }

    /** {@code "refund-time 0.93 >= 0.50"}: an entry's probability against a threshold. */
    static String describe(FaqHit answer, String relation, double threshold) {
        return describe(new IntentScore(answer.entry().id(), answer.score()), relation, threshold);
    }

    static String describe(IntentScore score, String relation, double threshold) {
        String head = score.label() + " " + String.format(Locale.ROOT, "%.2f", score.confidence());
        if (Double.isNaN(threshold)) {
            return relation.isEmpty() ? head : head + " " + relation;
        }
        return head + " " + relation + " " + String.format(Locale.ROOT, "%.2f", threshold);
    }
}
