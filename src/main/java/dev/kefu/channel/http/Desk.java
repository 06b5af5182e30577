package dev.kefu.channel.http;

import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.conversation.TranscriptMessage;
import dev.kefu.dialog.conversation.Transcripts;
import dev.kefu.dialog.policy.Action;
import dev.kefu.dialog.policy.ConversationState;
import dev.kefu.dialog.policy.Reason;
import dev.kefu.handoff.HandoffQueue;
import dev.kefu.handoff.QueueStatus;
import dev.kefu.text.PiiMasker;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    private static final PiiMasker MASKER = new PiiMasker();
    private final Transcripts transcripts;
    private final Runnable assign;

    /**
     * {@code engine} gives the current engine: a reload swaps it while requests keep their own;
     * {@code assign} runs auto-assignment after a ticket opened.
     */
    Desk(Supplier<ChatEngine> engine, HttpServer.Parts parts, Live live, HttpMetrics metrics, Runnable assign) {
        this.assign = Objects.requireNonNull(assign, "assign");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.queue = parts.queue();
        this.transcripts = parts.transcripts();
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
            TranscriptMessage stored = lastUserLine(conversationId).orElse(null);
            live.userMessage(conversationId, forAgents(stored == null ? MASKER.mask(text).text() : stored.text()),
                    stored == null ? Instant.now() : stored.time());
        } else if (handoff != null && reply.action() == Action.HANDOFF) {
            live.status(conversationId, handoff);
            live.ticketOpened(conversationId);
            if (handoff.status().equals("waiting")) {
                assign.run();
                handoff = queue.status(conversationId).orElse(handoff);
            }
        } else if (reply.reason().equals(Reason.HANDOFF_CANCELLED.wireName())) {
            live.status(conversationId, null);
            live.ticketCancelled(conversationId);
        }
        return MessageResponse.of(reply, handoff);
    }

    /**
     * The user's message as stored: masked, also where it ends the second half of a card number
     * whose first half ended the previous message (the store masks that one in the same transaction).
     */
    private Optional<TranscriptMessage> lastUserLine(String conversationId) {
        List<TranscriptMessage> lines = transcripts.transcript(conversationId).orElse(List.of());
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).role().equals("user")) {
                return Optional.of(lines.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * A user's newest message as agents see it (live, and in the transcript while it is the
     * newest): digits it ends with that may be the first half of a card number typed over two
     * messages are masked at once. Whether they are is known only from the next message, and a
     * live line, once shown, stays on the agent's screen.
     */
    static String forAgents(String newestUserText) {
        return MASKER.maskCardStart(newestUserText);
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
