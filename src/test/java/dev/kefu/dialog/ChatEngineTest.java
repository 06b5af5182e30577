package dev.kefu.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kefu.dialog.conversation.ConversationStore;
import dev.kefu.dialog.conversation.InMemoryConversationStore;
import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.conversation.StaleTurnException;
import dev.kefu.dialog.conversation.Turn;
import dev.kefu.dialog.policy.Action;
import dev.kefu.dialog.policy.ConversationState;
import dev.kefu.dialog.policy.DecisionPolicy;
import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.faq.FaqEntry;
import dev.kefu.faq.FaqHit;
import dev.kefu.faq.FaqSearcher;
import dev.kefu.intent.IntentClassifier;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.IntentScore;
import dev.kefu.text.ChineseVariants;
import dev.kefu.text.SmartcnTokenizer;
import dev.kefu.text.Synonyms;
import dev.kefu.text.TextNormalizer;
import dev.kefu.text.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChatEngineTest {
    /** Knows 退款 and 付款; anything else is out of scope. Records what it was asked. */
    private static final class KeywordClassifier implements IntentClassifier {
        final List<String> seen = new ArrayList<>();

        @Override
        public IntentPrediction classify(Tokens tokens) {
            seen.add(tokens.text());
            if (tokens.text().contains("退款")) {
                return Fixtures.predict("refund_time", 0.9, "oos", 0.1);
            }
            if (tokens.text().contains("付款")) {
                return Fixtures.predict("payment_failed", 0.9, "oos", 0.1);
            }
            return Fixtures.predict("oos", 0.8, "refund_time", 0.2);
        }

        @Override
        public Set<String> labels() {
            return Set.of("refund_time", "payment_failed", "oos");
        }
    }

    /** Returns every entry whose intent the message names. */
    private static final class AllEntriesSearcher implements FaqSearcher {
        @Override
        public List<FaqHit> search(Tokens tokens, int k) {
            return Fixtures.ENTRIES.stream().limit(k).map(e -> new FaqHit(e, 1.0)).toList();
        }

        @Override
        public List<FaqEntry> entries() {
            return Fixtures.ENTRIES;
        }
    }

    private final KeywordClassifier classifier = new KeywordClassifier();
    private final ChatEngine engine = engineOver(new InMemoryConversationStore());

    private ChatEngine engineOver(ConversationStore store) {
        return new ChatEngine(
                new ChatEngine.Pipeline(new TextNormalizer(ChineseVariants.icu()), new SmartcnTokenizer(Synonyms.none()),
                        classifier, new AllEntriesSearcher()),
                new DecisionPolicy(Thresholds.DEFAULT, Fixtures.ENTRIES), new ReplyRenderer(null), store);
    }

    /**
     * The in-memory store, shared with another process (a second engine) whose turn of the same
     * conversation gets recorded first, just before each of the next {@code races} turns of this one.
     */
    private final class RacedStore implements ConversationStore {
        final InMemoryConversationStore shared = new InMemoryConversationStore();
        final ChatEngine rival = engineOver(shared);
        int races;
        int records;

        @Override
        public java.util.Optional<ConversationState> find(String conversationId) {
            return shared.find(conversationId);
        }

        @Override
        public long record(String conversationId, Turn turn) {
            records++;
            if (races > 0) {
                races--;
                rival.reply(conversationId, "讲个笑话");
            }
            return shared.record(conversationId, turn);
        }
    }

    @Test
    void a_question_is_answered_from_the_faq() {
        Reply reply = engine.reply("c1", "退款多久到账？");
        assertThat(reply.action()).isEqualTo(Action.ANSWER);
        assertThat(reply.intent()).isEqualTo("refund_time");
        assertThat(reply.faqId()).isEqualTo("refund-time");
        assertThat(reply.conversationId()).isEqualTo("c1");
    }

    @Test
    void the_classifier_sees_normalized_text() {
        engine.reply("c1", "退款多久到賬！！！");
        assertThat(classifier.seen).containsExactly("退款多久到账!");
    }

    @Test
    void the_second_failure_in_a_conversation_offers_a_person_but_other_conversations_are_unaffected() {
        assertThat(engine.reply("c1", "今天天气怎么样").action()).isEqualTo(Action.FALLBACK);
        assertThat(engine.reply("c2", "今天天气怎么样").reason()).isEqualTo("out_of_scope");
        Reply second = engine.reply("c1", "讲个笑话");
        assertThat(second.action()).isEqualTo(Action.FALLBACK);
        assertThat(second.reason()).isEqualTo("repeated_fallback");
        assertThat(second.handoff()).as("offered, not handed off").isNull();
        assertThat(second.text()).contains("转人工");
    }

    @Test
    void empty_blank_null_and_emoji_only_messages_get_a_polite_reply() {
        for (String text : new String[] {"", "   ", null, "😀😀", "\u0000"}) {
            Reply reply = engine.reply("c3", text);
            assertThat(reply.action()).isEqualTo(Action.FALLBACK);
            assertThat(reply.reason()).isEqualTo("empty_message");
            assertThat(reply.text()).isNotBlank();
        }
        assertThat(classifier.seen).isEmpty();
        assertThat(engine.reply("c3", "还是不行").action()).as("empty messages are not failures").isEqualTo(Action.FALLBACK);
    }

    @Test
    void a_very_long_message_is_analyzed_on_its_first_part() {
        Reply reply = engine.reply("c4", "付款".repeat(5_000));
        assertThat(reply.action()).isEqualTo(Action.ANSWER);
        assertThat(classifier.seen.get(0)).hasSize(ChatEngine.MAX_CHARS);
    }

    @Test
    void intent_and_confidence_are_reported_for_fallbacks_too() {
        Reply reply = engine.reply("c5", "今天天气怎么样");
        assertThat(reply.intent()).isEqualTo("oos");
        assertThat(reply.confidence()).isEqualTo(new IntentScore("oos", 0.8).confidence());
    }

    @Test
    void a_turn_that_loses_a_race_is_answered_again_from_the_state_the_winner_left() {
        RacedStore store = new RacedStore();
        store.races = 1;
        Reply reply = engineOver(store).reply("raced", "今天天气怎么样");
        assertThat(reply.reason()).as("the rival's fallback came first: this one is the second in a row")
                .isEqualTo("repeated_fallback");
        ConversationState state = store.find("raced").orElseThrow();
        assertThat(state.turns()).as("both turns kept").isEqualTo(2);
        assertThat(state.consecutiveFallbacks()).isEqualTo(2);
        assertThat(state.context().handoffOffered()).isTrue();
        assertThat(state.version()).isEqualTo(2);
        assertThat(store.shared.refusedTurns()).as("the lost race, as the metrics count it").isEqualTo(1);
    }

    @Test
    void a_conversation_that_keeps_changing_under_a_turn_gives_up_after_five_attempts() {
        RacedStore store = new RacedStore();
        store.races = 100;
        ChatEngine raced = engineOver(store);
        assertThatThrownBy(() -> raced.reply("busy", "今天天气怎么样")).isInstanceOf(StaleTurnException.class);
        assertThat(store.records).isEqualTo(5);
        assertThat(store.shared.refusedTurns()).isEqualTo(5);
        assertThat(store.find("busy").orElseThrow().turns()).as("only the rival's turns were kept").isEqualTo(5);
    }
}
