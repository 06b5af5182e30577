package dev.kefu.channel.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kefu.dialog.conversation.ConversationIds;
import dev.kefu.handoff.AgentMessage;
import dev.kefu.handoff.HandoffQueue;
import dev.kefu.handoff.HandoffTicket;
import dev.kefu.handoff.QueueStatus;
import dev.kefu.handoff.TicketStatus;
import dev.kefu.store.Broadcast;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is pushed live, and to whom: users' widgets get agent messages and their ticket's status;
 * agents' consoles get every ticket change and every user message of a handed-off conversation.
 * Every event goes through the database's {@link Broadcast}, so that a widget connected to one
 * kefu instance sees what an agent does on another; each instance then sends it to the streams
 * it holds. A model reload travels the same way. Thread-safe.
 */
final class Live {
    private static final Logger LOG = LoggerFactory.getLogger(Live.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AGENTS = "agents";
    private final EventHub users = new EventHub();
    private final EventHub agents = new EventHub();
    private static final String ADMIN = "admin";
    private final HandoffQueue queue;
    private final Broadcast broadcast;
    /** Tells this instance's own broadcasts from the others'. */
    private final String instance = ConversationIds.next();
    private final Runnable reloadAsked;

    /** {@code reloadAsked} runs when another instance reloaded its models (it must not block). */
    Live(HandoffQueue queue, Broadcast broadcast, Runnable reloadAsked) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.broadcast = Objects.requireNonNull(broadcast, "broadcast");
        this.reloadAsked = Objects.requireNonNull(reloadAsked, "reloadAsked");
        broadcast.subscribe(this::receive);
    }

    EventHub users() {
        return users;
    }

    EventHub agents() {
        return agents;
    }

    /** A ticket was opened, claimed, closed or handed back. */
    void ticketChanged(HandoffTicket ticket) {
        status(ticket.conversationId(), queue.status(ticket.conversationId()).orElse(null));
        Instant moved = ticket.closedAt() != null ? ticket.closedAt()
                : ticket.claimedAt() != null ? ticket.claimedAt() : ticket.createdAt();
        send(AGENTS, AGENTS, "ticket", ticketEvent(ticket.ticketId(), ticket.conversationId(), ticket.status(), moved));
    }

    /**
     * A ticket event's data; {@code time}, the stored time of the move, is what the stream's id
     * becomes (the same as what a reconnect reads back, {@link AgentRoutes#events}).
     */
    static Map<String, Object> ticketEvent(String ticketId, String conversationId, TicketStatus status, Instant time) {
        return Map.of("ticketId", ticketId, "conversationId", conversationId, "status", status.wireName(),
                "time", time.toString());
    }

    /**
     * A ticket was opened for {@code conversationId} (its id is looked up). The event has no time, so
     * it does not move the stream's id: a reconnect reads the opening back, and a ticket event twice
     * only refreshes a console twice.
     */
    void ticketOpened(String conversationId) {
        queue.status(conversationId).ifPresent(status -> send(AGENTS, AGENTS, "ticket",
                Map.of("ticketId", status.ticketId(), "conversationId", conversationId, "status", status.status())));
    }

    /** The user cancelled the waiting ticket of {@code conversationId} (「取消转人工」): consoles refresh their queue. */
    void ticketCancelled(String conversationId) {
        send(AGENTS, AGENTS, "ticket", Map.of("conversationId", conversationId, "status", "closed"));
    }

    /** The user's widget learns where the conversation stands: with the bot, waiting, with an agent. */
    void status(String conversationId, QueueStatus handoff) {
        send("users", conversationId, "status", MessageRoutes.status(handoff));
    }

    /** An agent wrote to a user. */
    void agentMessage(AgentMessage message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("role", "agent");
        data.put("text", message.text());
        data.put("time", message.time().toString());
        send("users", message.conversationId(), "message", data);
        send(AGENTS, AGENTS, "message", Map.of("ticketId", message.ticketId(), "conversationId",
                message.conversationId(), "role", "agent", "text", message.text(), "time", message.time().toString()));
    }

    /** A user wrote while their conversation is with a person: {@code text} as agents may see it, at its stored time. */
    void userMessage(String conversationId, String text, Instant time) {
        send(AGENTS, AGENTS, "message", Map.of("conversationId", conversationId, "role", "user", "text", text,
                "time", time.toString()));
    }

    /** The customer of {@code conversationId} is typing (no text: a signal says who, never what). */
    void userTyping(String conversationId) {
        send(AGENTS, AGENTS, "typing", Map.of("conversationId", conversationId, "role", "user"));
    }

    /** The agent {@code agentName} (display name) is typing to the customer of {@code conversationId}. */
    void agentTyping(String conversationId, String agentName) {
        send("users", conversationId, "typing", Map.of("role", "agent", "agentName", agentName));
    }

    /** This instance reloaded its models: the others on the database reload theirs. */
    void reloaded() {
        broadcast.publish(JSON.createObjectNode().put("hub", ADMIN).put("event", "reload").put("origin", instance)
                .toString());
    }

    /** One event for the streams of {@code key} ({@code agents}, or a conversation id) in {@code hub}. */
    private void send(String hub, String key, String event, Object data) {
        ObjectNode message = JSON.createObjectNode().put("hub", hub).put("key", key).put("event", event);
        message.set("data", JSON.valueToTree(data));
        broadcast.publish(message.toString());
    }

    /**
     * A broadcast from any instance, this one included: a stream event goes to the matching streams
     * held here; another instance's reload is repeated here.
     */
    private void receive(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            String hub = message.path("hub").asText();
            if (hub.equals(ADMIN)) {
                if (message.path("event").asText().equals("reload") && !message.path("origin").asText().equals(instance)) {
                    reloadAsked.run();
                }
                return;
            }
            (hub.equals(AGENTS) ? agents : users).publish(message.path("key").asText(), message.path("event").asText(),
                    message.path("data"));
        } catch (JsonProcessingException e) {
            LOG.warn("ignored a malformed live event: {}", e.getOriginalMessage());
        }
    }
}
