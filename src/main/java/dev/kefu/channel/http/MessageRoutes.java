package dev.kefu.channel.http;

import dev.kefu.dialog.conversation.ConversationIds;
import dev.kefu.dialog.conversation.ConversationStore;
import dev.kefu.dialog.conversation.TranscriptMessage;
import dev.kefu.dialog.conversation.Transcripts;
import dev.kefu.dialog.policy.ConversationState;
import dev.kefu.handoff.HandoffQueue;
import dev.kefu.handoff.QueueStatus;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Handlers of the public conversation API. Thread-safe. */
final class MessageRoutes {
    /** Largest accepted request body, in bytes. */
    static final int MAX_BODY = 16 * 1024;

    private final Desk desk;
    private final ConversationStore conversations;
    private final Transcripts transcripts;
    private final HandoffQueue queue;
    private final Live live;
    private final Guards guards;

    MessageRoutes(HttpServer.Parts parts, Desk desk, Live live, Guards guards) {
        this.guards = Objects.requireNonNull(guards, "guards");
        this.desk = Objects.requireNonNull(desk, "desk");
        this.conversations = parts.conversations();
        this.transcripts = parts.transcripts();
        this.queue = parts.queue();
        this.live = Objects.requireNonNull(live, "live");
    }

    /** {@code POST /api/messages}: one user message in, the bot's reply out. */
    void post(Context ctx) {
        MessageRequest request = MessageRequest.parse(Bodies.read(ctx, MAX_BODY));
        Optional<ConversationState> known = request.conversationId() == null ? Optional.empty()
                : conversations.find(request.conversationId());
        if (known.isEmpty()) {
            guards.newConversation(ctx);
            ctx.json(desk.converse(ConversationIds.next(), request.text(), ConversationState.NEW));
        } else {
            ctx.json(desk.converse(request.conversationId(), request.text(), known.get()));
        }
    }

    /** {@code GET /api/conversations/{id}/messages}: the transcript. */
    void transcript(Context ctx) {
        String id = ctx.pathParam("id");
        List<TranscriptMessage> messages = transcripts.transcript(id)
                .orElseThrow(() -> new ApiException(404, "no conversation " + id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conversationId", id);
        body.put("messages", messages.stream().map(MessageRoutes::line).toList());
        body.put("handoff", queue.status(id).orElse(null));
        ctx.json(body);
    }

    /** Before the event stream starts: an unknown conversation is a plain 404, not a stream. */
    void requireConversation(Context ctx) {
        Guards.securityHeaders(ctx); // an event stream's headers are sent before any after-handler runs
        requireStreamSlot(live.users(), ctx);
        String id = ctx.pathParam("id");
        if (conversations.find(id).isEmpty()) {
            throw new ApiException(404, "no conversation " + id);
        }
    }

    /** Request attribute: the client IP whose stream slot this request holds, until its stream is added. */
    static final String STREAM_SLOT = "kefu.streamSlot";

    /**
     * Takes one of the client's live-stream slots (429 when it has none left); a request that ends
     * without opening its stream gives it back ({@link #releaseStreamSlot}).
     */
    static void requireStreamSlot(EventHub hub, Context ctx) {
        if (hub.reserve(ctx.ip())) {
            ctx.attribute(STREAM_SLOT, ctx.ip());
        } else {
            ctx.header("Retry-After", "30");
            throw new ApiException(429, "too many live connections from this client (at most "
                    + EventHub.MAX_PER_CLIENT + "); close another page first");
        }
    }

    /** After a stream request: the slot it reserved goes back unless its stream was opened on it. */
    static void releaseStreamSlot(EventHub hub, Context ctx) {
        String ip = ctx.attribute(STREAM_SLOT);
        if (ip != null) {
            ctx.attribute(STREAM_SLOT, null);
            hub.release(ip);
        }
    }

    /** The stream of {@code client} is added to {@code hub} on the slot its request reserved. */
    static void addStream(EventHub hub, String key, SseClient client) {
        client.ctx().attribute(STREAM_SLOT, null);
        hub.add(key, client);
    }

    /**
     * {@code GET /api/conversations/{id}/events}: after a reconnect ({@code Last-Event-ID}), the
     * agent messages sent since; then the status, then live events (SSE).
     */
    void events(SseClient client) {
        String id = client.ctx().pathParam("id");
        client.keepAlive();
        long since = lastEventId(client.ctx().header("Last-Event-ID"));
        List<TranscriptMessage> agentLines = transcripts.transcript(id).orElse(List.of()).stream()
                .filter(m -> m.role().equals("agent")).toList();
        long latest = agentLines.isEmpty() ? 0 : agentLines.get(agentLines.size() - 1).time().toEpochMilli();
        EventHub.start(client, since < 0 ? latest : since);
        addStream(live.users(), id, client);
        if (since >= 0) {
            for (TranscriptMessage m : agentLines) {
                if (m.time().toEpochMilli() > since) {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("role", "agent");
                    data.put("text", m.text());
                    data.put("time", m.time().toString());
                    EventHub.send(client, "message", data, m.time().toEpochMilli());
                }
            }
        }
        EventHub.send(client, "status", status(queue.status(id).orElse(null)), 0);
    }

    /** The id a reconnecting client last received; -1 when it sent none (or not a number). */
    static long lastEventId(String header) {
        try {
            return header == null || header.isBlank() ? -1 : Math.max(0, Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Refreshes the queue position of every listening conversation (called periodically). */
    void refreshStatuses() {
        live.users().forEach((id, client) -> {
            if (!client.terminated()) {
                EventHub.send(client, "status", status(queue.status(id).orElse(null)), 0);
            }
        });
    }

    static Map<String, Object> status(QueueStatus handoff) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("state", handoff == null ? "bot" : handoff.status());
        status.put("handoff", handoff);
        return status;
    }

    static Map<String, Object> line(TranscriptMessage m) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("role", m.role());
        line.put("text", m.text());
        line.put("time", m.time().toString());
        if (m.action() != null) {
            line.put("action", m.action());
            line.put("intent", m.intent());
            line.put("confidence", m.confidence());
            line.put("reason", m.reason());
            line.put("messageId", m.id());
            line.put("faqId", m.faqId());
        } else if (m.reason() != null) {
            line.put("reason", m.reason()); // a system line's kind: "undelivered" marks a dead-lettered reply
        }
        if (m.agent() != null) {
            line.put("agent", m.agent());
        }
        return line;
    }
}
