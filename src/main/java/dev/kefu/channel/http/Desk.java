package dev.kefu.channel.http;

import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.policy.Action;
import dev.kefu.dialog.policy.ConversationState;
import dev.kefu.dialog.policy.Reason;
import dev.kefu.handoff.HandoffQueue;
import dev.kefu.handoff.QueueStatus;
import dev.kefu.text.PiiMasker;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One user message from any channel (web API, WeChat, generic webhook): the engine's reply, the
 * handoff status, the metrics, and the live notifications to widgets and agents. Thread-safe.
 */
final class Desk {
    private final Supplier<ChatEngine> engine;
    private final HandoffQueue queue;
    private final Live live;
    private final HttpMetrics metrics;
    private final PiiMasker masker = new PiiMasker();

    /** {@code engine} gives the current engine: a reload swaps it while requests keep their own. */
    Desk(Supplier<ChatEngine> engine, HandoffQueue queue, Live live, HttpMetrics metrics) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.live = Objects.requireNonNull(live, "live");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** The reply to {@code text} in {@code conversationId} (which must exist or be new). */
    MessageResponse converse(String conversationId, String text) {
        return respond(conversationId, text, engine.get().reply(conversationId, text), false);
    }

    /** The same, for a conversation whose stored state the caller has just read (NEW when it starts one). */
    MessageResponse converse(String conversationId, String text, ConversationState stored) {
        return respond(conversationId, text, engine.get().reply(conversationId, text, stored), stored.handedOff());
    }

    /**
     * The response to {@code reply}, with the queue status when it hands off or when the conversation
     * {@code wasHandedOff} (a bot answer while the person is on the way: still waiting; after 「取消转人工」: none).
     */
    private MessageResponse respond(String conversationId, String text, Reply reply, boolean wasHandedOff) {
        metrics.decision(reply);
        QueueStatus handoff = reply.action() == Action.HANDOFF || wasHandedOff
                ? queue.status(conversationId).orElse(null) : null;
        boolean toAgents = reply.reason().equals(Reason.WITH_AGENT.wireName()) || reply.action() != Action.HANDOFF;
        if (handoff != null && toAgents) {
            // with a person, or waiting for one while the bot answers: the agents' consoles see the message too
            live.userMessage(conversationId, masker.mask(text).text(), Instant.now().toString());
        } else if (handoff != null && reply.action() == Action.HANDOFF) {
            live.status(conversationId, handoff);
            live.ticketOpened(conversationId);
        } else if (reply.reason().equals(Reason.HANDOFF_CANCELLED.wireName())) {
            live.status(conversationId, null);
            live.ticketCancelled(conversationId);
        }
        return MessageResponse.of(reply, handoff);
    }

    /** The reply of a turn stored earlier (a resend after a crash), with the conversation's handoff status now. */
    MessageResponse stored(dev.kefu.channel.webhook.ChannelStore.StoredTurn turn) {
        QueueStatus handoff = turn.action().equals(Action.HANDOFF.wireName())
                ? queue.status(turn.conversationId()).orElse(null) : null;
        return new MessageResponse(turn.conversationId(), turn.action(), turn.intent(),
                Math.round(turn.confidence() * 1000) / 1000.0, turn.text(), turn.faqId(), java.util.List.of(), handoff,
                turn.reason(), turn.botMessageId() == 0 ? null : turn.botMessageId());
    }
}
