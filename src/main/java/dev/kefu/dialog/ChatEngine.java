package dev.kefu.dialog;

import dev.kefu.answer.AnswerRanker;
import dev.kefu.answer.IntentFirstRanker;
import dev.kefu.answer.Ranking;
import dev.kefu.dialog.conversation.ConversationStore;
import dev.kefu.dialog.conversation.DecisionRecord;
import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.conversation.Turn;
import dev.kefu.dialog.policy.ConversationState;
import dev.kefu.dialog.policy.Decision;
import dev.kefu.dialog.policy.DecisionPolicy;
import dev.kefu.dialog.policy.Message;
import dev.kefu.faq.FaqEntry;
import dev.kefu.faq.FaqHit;
import dev.kefu.faq.FaqSearcher;
import dev.kefu.intent.IntentClassifier;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.text.PiiMasker;
import dev.kefu.text.TextNormalizer;
import dev.kefu.text.Tokenizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The pipeline for one message: normalize, tokenize, classify, search, decide, render, record.
 * Once a person has joined a handed-off conversation, the bot stays silent: the message is only
 * recorded. While the person is still on the way, the bot answers as usual and says so
 * ({@link ReplyRenderer#whileWaiting}); 「取消转人工」 then cancels the handoff. After
 * {@link #contextTimeout} of silence a conversation starts a fresh context (its transcript stays).
 * Turns of one conversation run one after another ({@link TurnOrder}): messages sent at the same
 * instant are answered as if sent in sequence, each from the state the one before left.
 * Thread-safe when its parts are (they all are).
 */
public final class ChatEngine {
    /** Longest message (in characters) that is analyzed; the rest of a longer one is ignored. */
    public static final int MAX_CHARS = 500;
    /** Longest message (normalized characters) that is also read after the last answered question. */
    static final int FOLLOW_UP_CHARS = 16;
    /** Default silence after which the bot forgets what it last said. */
    public static final Duration DEFAULT_CONTEXT_TIMEOUT = Duration.ofMinutes(30);
    /** What the decision log names as the version of models loaded without one. */
    public static final String UNVERSIONED = "unversioned";
    private final Analyzer analyzer;
    private final DecisionPolicy policy;
    private final ReplyRenderer renderer;
    private final ConversationStore conversations;
    private final Duration contextTimeout;
    private final Clock clock;
    private final PiiMasker masker = new PiiMasker();
    private final TurnOrder order;
    /** The knowledge base and model version the decision log names ({@link #withModelVersion}). */
    private final String version;

    public ChatEngine(Pipeline parts, DecisionPolicy policy, ReplyRenderer renderer, ConversationStore conversations) {
        this(new Analyzer(parts, Analyzer.DEFAULT_CACHE), policy, renderer, conversations);
    }

    /** An engine over {@code analyzer}, which other engines may share (with its cache). */
    public ChatEngine(Analyzer analyzer, DecisionPolicy policy, ReplyRenderer renderer, ConversationStore conversations) {
        this(analyzer, policy, renderer, conversations, new Context(DEFAULT_CONTEXT_TIMEOUT, Clock.systemUTC(),
                UNVERSIONED));
    }

    private ChatEngine(Analyzer analyzer, DecisionPolicy policy, ReplyRenderer renderer, ConversationStore conversations,
                       Context context) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.order = new TurnOrder(conversations);
        this.contextTimeout = context.timeout();
        this.clock = context.clock();
        this.version = context.version();
    }

    /** This engine with another silence timeout and clock. */
    public ChatEngine withContextTimeout(Duration timeout, Clock clock) {
        return new ChatEngine(analyzer, policy, renderer, conversations, new Context(timeout, clock, version));
    }

    /**
     * This engine naming {@code modelVersion} in the decision log of every reply: the identity of the
     * knowledge base and models it was built from (the manifest of {@code models/}, or a published version).
     */
    public ChatEngine withModelVersion(String modelVersion) {
        return new ChatEngine(analyzer, policy, renderer, conversations, new Context(contextTimeout, clock, modelVersion));
    }

    /** The version the decision log names. */
    public String modelVersion() {
        return version;
    }

    /**
     * The bot's reply to {@code text} in conversation {@code conversationId}. Never throws on user text.
     *
     * @throws dev.kefu.dialog.conversation.StaleTurnException when other processes kept changing the conversation while this
     *         message was answered ({@value TurnOrder#ATTEMPTS} times); nothing of it was kept
     */
    public Reply reply(String conversationId, String text) {
        return replied(order.run(conversationId, null, state -> turn(conversationId, text, state)));
    }

    /**
     * The bot's reply to {@code text} in conversation {@code conversationId}, whose stored state the
     * caller has just read ({@link ConversationState#NEW} for a conversation it starts): one
     * database read fewer per message. Never throws on user text.
     *
     * @throws dev.kefu.dialog.conversation.StaleTurnException as {@link #reply(String, String)}
     */
    public Reply reply(String conversationId, String text, ConversationState stored) {
        Objects.requireNonNull(stored, "stored");
        return replied(order.run(conversationId, stored, state -> turn(conversationId, text, state)));
    }

    /**
     * The turn of {@code text} computed from {@code stored}, not yet recorded: the store refuses it
     * if the conversation changed meanwhile, and it is then computed again from the new state.
     */
    private Turn turn(String conversationId, String text, ConversationState stored) {
        Instant now = clock.instant();
        ConversationState state = stored.resumedAt(now, contextTimeout);
        // Card numbers, codes and passwords are masked first: they never reach the database, and the
        // classifier reads 「银行卡」 where the user typed 19 digits it would take for gibberish
        // (PiiMasker.forReading). The digits the last message ended with may be the first part of a
        // card this one finishes.
        PiiMasker.Result masked = masker.mask(text == null ? "" : text,
                masker.trailingDigits(state.context().lastMessage()));
        if (state.handedOff() && state.agentJoined()) {
            String normalized = analyzer.parts().normalizer().normalize(truncate(masked.text()));
            return turn(conversationId, masked, state, new Outcome(normalized, null, null, policy.withAgent()));
        }
        Analyzer.Analysis analysis = analyzer.analyze(PiiMasker.forReading(truncate(masked.text())));
        if (analysis.prediction() == null) {
            return turn(conversationId, masked, state, new Outcome("", null, null, policy.empty()));
        }
        Message message = new Message(analysis.normalized(), analysis.prediction(), analysis.ranking().lexical(),
                analysis.ranking().answers(), inContext(analysis, state));
        return turn(conversationId, masked, state,
                new Outcome(analysis.normalized(), analysis.prediction(), analysis.ranking(), policy.decide(message, state)));
    }

    /**
     * The answers ranked for a short message read after the question the bot last answered
     * (「转账要手续费吗？，那信用卡还款呢」), so a follow-up can stay on that topic whatever the
     * classifier thinks of it alone; empty for a longer message or when nothing was answered.
     */
    private List<FaqHit> inContext(Analyzer.Analysis analysis, ConversationState state) {
        String answered = state.context().answeredFaqId();
        if (answered == null || analysis.normalized().length() > FOLLOW_UP_CHARS) {
            return List.of();
        }
        return policy.questionOf(answered)
                .map(q -> analyzer.analyze(q + "，" + analysis.normalized()))
                .filter(a -> a.prediction() != null)
                .map(a -> a.ranking().answers())
                .orElse(List.of());
    }

    /** The FAQ entries that best answer {@code text}, ready to send, for an agent answering by hand. */
    public List<FaqEntry> faqFor(String text, int k) {
        Analyzer.Analysis analysis = analyzer.analyze(PiiMasker.forReading(truncate(masker.mask(text).text())));
        return analysis.ranking().answers().stream().limit(k).map(hit -> renderer.filled(hit.entry())).toList();
    }

    /** The analyzer this engine runs (its cache is shared with the engines built over it). */
    public Analyzer analyzer() {
        return analyzer;
    }

    private Turn turn(String conversationId, PiiMasker.Result masked, ConversationState state, Outcome outcome) {
        Reply reply = renderer.render(conversationId, outcome.decision(),
                outcome.prediction() == null ? null : outcome.prediction().top());
        if (state.waitingForAgent()) {
            reply = renderer.whileWaiting(reply);
        }
        Instant at = clock.instant();
        ConversationState after = state.after(outcome.decision(), outcome.normalized(), at);
        // Warned once per conversation, and not while a person (who can say it better) has it.
        if (!masked.found().isEmpty() && !state.privacyWarned() && !state.handedOff()) {
            reply = reply.withNote(renderer.privacyWarning());
            after = after.withPrivacyWarned();
        }
        return new Turn(masked.text(), reply, after, at, masked.endsPreviousCard(), logged(outcome));
    }

    /** The decision log of {@code outcome}: what was ranked, the thresholds, the rule that decided. */
    private DecisionRecord logged(Outcome outcome) {
        Decision decision = outcome.decision();
        List<DecisionRecord.Candidate> candidates = outcome.ranking() == null ? List.of()
                : outcome.ranking().answers().stream().limit(DecisionRecord.KEPT)
                        .map(hit -> new DecisionRecord.Candidate(hit.entry().id(), hit.score())).toList();
        return new DecisionRecord(version, outcome.prediction() == null ? List.of() : outcome.prediction().ranked(),
                candidates, outcome.ranking() == null ? "none" : outcome.ranking().path(), policy.thresholds(),
                decision.action().wireName(), decision.reason().wireName(), decision.detail());
    }

    /** The reply of a recorded turn, with the transcript id of its message when it has one. */
    private static Reply replied(ConversationStore.Recorded recorded) {
        Reply reply = recorded.turn().reply();
        return recorded.messageId() > 0 ? reply.withMessageId(recorded.messageId()) : reply;
    }

    /**
     * What became of one message: its normalized text, the prediction and the ranking (null when
     * none was made), the decision.
     */
    private record Outcome(String normalized, IntentPrediction prediction, Ranking ranking, Decision decision) {
    }

    private static String truncate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
    }

    /** The analysis steps the engine runs, in order. */
    public record Pipeline(TextNormalizer normalizer, Tokenizer tokenizer, IntentClassifier classifier,
                           AnswerRanker ranker) {
        public Pipeline {
            Objects.requireNonNull(normalizer, "normalizer");
            Objects.requireNonNull(tokenizer, "tokenizer");
            Objects.requireNonNull(classifier, "classifier");
            Objects.requireNonNull(ranker, "ranker");
        }

        /** Steps whose answer is each likely intent's best BM25 phrasing (models without a trained ranker). */
        public Pipeline(TextNormalizer normalizer, Tokenizer tokenizer, IntentClassifier classifier, FaqSearcher faq) {
            this(normalizer, tokenizer, classifier, new IntentFirstRanker(faq));
        }
    }

    /**
     * How long a conversation may be silent before its context is forgotten, the clock that tells,
     * and the model version the decision log names.
     */
    private record Context(Duration timeout, Clock clock, String version) {
        Context {
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(version, "version");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("context timeout must be positive, was " + timeout);
            }
        }
    }
}
