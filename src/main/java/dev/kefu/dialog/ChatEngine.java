package dev.kefu.dialog;

import dev.kefu.faq.FaqEntry;
import dev.kefu.faq.FaqHit;
import dev.kefu.faq.FaqSearcher;
import dev.kefu.intent.IntentClassifier;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.text.PiiMasker;
import dev.kefu.text.TextNormalizer;
import dev.kefu.text.Tokenizer;
import dev.kefu.text.Tokens;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The pipeline for one message: normalize, tokenize, classify, search, decide, render, record.
 * While a conversation is with a person, the bot stays silent: the message is only recorded.
 * Thread-safe when its parts are (they all are); messages of one conversation should arrive in order.
 */
public final class ChatEngine {
    /** Longest message (in characters) that is analyzed; the rest of a longer one is ignored. */
    public static final int MAX_CHARS = 500;
    private static final int FAQ_HITS = 5;

    private final Pipeline parts;
    private final DecisionPolicy policy;
    private final ReplyRenderer renderer;
    private final ConversationStore conversations;
    private final Clock clock = Clock.systemUTC();
    private final PiiMasker masker = new PiiMasker();

    public ChatEngine(Pipeline parts, DecisionPolicy policy, ReplyRenderer renderer, ConversationStore conversations) {
        this.parts = Objects.requireNonNull(parts, "parts");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.conversations = Objects.requireNonNull(conversations, "conversations");
    }

    /** The bot's reply to {@code text} in conversation {@code conversationId}. Never throws on user text. */
    public Reply reply(String conversationId, String text) {
        ConversationState state = conversations.find(conversationId).orElse(ConversationState.NEW);
        // Card numbers, codes and passwords are masked first: they never reach the database, and the
        // classifier sees 「[银行卡 尾号0128]」 rather than 19 digits it would read as gibberish.
        String masked = masker.mask(text == null ? "" : text).text();
        if (state.handedOff()) {
            return record(conversationId, masked, state, policy.withAgent(), null);
        }
        String normalized = parts.normalizer().normalize(truncate(masked));
        Tokens tokens = parts.tokenizer().tokenize(normalized);
        if (tokens.isEmpty()) {
            return record(conversationId, masked, state, policy.empty(), null);
        }
        IntentPrediction prediction = parts.classifier().classify(tokens);
        List<FaqHit> hits = parts.faq().search(tokens, FAQ_HITS);
        Decision decision = policy.decide(prediction, hits, state);
        return record(conversationId, masked, state, decision, prediction);
    }

    /** The FAQ entries that best match {@code text}, for an agent answering it by hand. */
    public List<FaqEntry> faqFor(String text, int k) {
        Tokens tokens = parts.tokenizer().tokenize(parts.normalizer().normalize(truncate(text)));
        return parts.faq().search(tokens, k).stream().map(FaqHit::entry).toList();
    }

    private Reply record(String conversationId, String maskedText, ConversationState state, Decision decision,
                         IntentPrediction prediction) {
        Reply reply = renderer.render(conversationId, decision, prediction == null ? null : prediction.top());
        conversations.record(conversationId, new Turn(maskedText, reply, state.after(decision), clock.instant()));
        return reply;
    }

    private static String truncate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
    }

    /** The analysis steps the engine runs, in order. */
    public record Pipeline(TextNormalizer normalizer, Tokenizer tokenizer, IntentClassifier classifier,
                           FaqSearcher faq) {
        public Pipeline {
            Objects.requireNonNull(normalizer, "normalizer");
            Objects.requireNonNull(tokenizer, "tokenizer");
            Objects.requireNonNull(classifier, "classifier");
            Objects.requireNonNull(faq, "faq");
        }
    }
}
