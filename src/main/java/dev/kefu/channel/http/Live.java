package dev.kefu.channel.http;

import dev.kefu.handoff.AgentMessage;
import dev.kefu.handoff.HandoffQueue;
import dev.kefu.handoff.HandoffTicket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What is pushed live, and to whom: users' widgets get agent messages and their ticket's status;
 * agents' consoles get every ticket change and every user message of a handed-off conversation.
 * Thread-safe.
 */
final class Live {
    private static final String AGENTS = "agents";
    private final EventHub users = new EventHub();
    private final EventHub agents = new EventHub();
    private final HandoffQueue queue;

    Live(HandoffQueue queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    EventHub users() {
        return users;
    }

    EventHub agents() {
        return agents;
    }

    /** A ticket was opened, claimed, closed or handed back. */
    void ticketChanged(HandoffTicket ticket) {
        users.publish(ticket.conversationId(), "status", MessageRoutes.status(queue.status(ticket.conversationId()).orElse(null)));
        agents.publish(AGENTS, "ticket", Map.of("ticketId", ticket.ticketId(), "conversationId", ticket.conversationId(),
                "status", ticket.status().wireName()));
    }

    /** A ticket was opened for {@code conversationId} (its id is looked up). */
    void ticketOpened(String conversationId) {
        queue.status(conversationId).ifPresent(status -> agents.publish(AGENTS, "ticket",
                Map.of("ticketId", status.ticketId(), "conversationId", conversationId, "status", status.status())));
    }

    /** An agent wrote to a user. */
    void agentMessage(AgentMessage message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("role", "agent");
        data.put("text", message.text());
        data.put("time", message.time().toString());
        users.publish(message.conversationId(), "message", data);
        agents.publish(AGENTS, "message", Map.of("ticketId", message.ticketId(), "conversationId",
                message.conversationId(), "role", "agent", "text", message.text(), "time", message.time().toString()));
    }

    /** A user wrote while their conversation is with a person. */
    void userMessage(String conversationId, String text, String time) {
        agents.publish(AGENTS, "message", Map.of("conversationId", conversationId, "role", "user", "text", text,
                "time", time));
    }
}
