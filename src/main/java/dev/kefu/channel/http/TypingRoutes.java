package dev.kefu.channel.http;

import dev.kefu.dialog.conversation.ConversationStore;
import dev.kefu.handoff.HandoffQueue;
import dev.kefu.handoff.HandoffTicket;
import dev.kefu.handoff.TicketStatus;
import dev.kefu.handoff.TicketStore;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * "Typing" signals of a handed-off chat, both ways: the customer's widget tells the agents
 * ({@code POST /api/conversations/{id}/typing}), the agent who has the ticket tells the customer
 * ({@code POST /api/agent/tickets/{id}/typing}). Content-free: a signal says who is typing, never
 * what. Each side's signals of one chat go out at most once per {@link #EVERY_MILLIS} (more are
 * answered and dropped); receivers show one for about five seconds. Thread-safe.
 */
final class TypingRoutes {
    /** The shortest time between two signals of one side of one chat that are passed on. */
    static final long EVERY_MILLIS = 2_000;
    private static final String EXAMPLE = "{} (a typing signal carries no text)";

    private final ConversationStore conversations;
    private final HandoffQueue queue;
    private final TicketStore tickets;
    private final Live live;
    /** "user:" or "agent:" + conversation id → System.nanoTime() of the last signal passed on. */
    private final Map<String, Long> lastSent = new ConcurrentHashMap<>();

    TypingRoutes(HttpServer.Parts parts, Live live) {
        this.conversations = parts.conversations();
        this.queue = parts.queue();
        this.tickets = parts.tickets();
        this.live = Objects.requireNonNull(live, "live");
    }

    /** The customer is typing: 404 for an unknown conversation, 409 when no person is in (or waited for in) it. */
    void user(Context ctx) {
        String id = ctx.pathParam("id");
        requireEmptyObject(ctx);
        if (conversations.find(id).isEmpty()) {
            throw new ApiException(404, "no conversation " + id);
        }
        if (queue.status(id).isEmpty()) {
            throw new ApiException(409, "not_with_agent", "conversation " + id
                    + " is with the bot: typing signals go to agents only");
        }
        boolean sent = due("user:" + id);
        if (sent) {
            live.userTyping(id);
        }
        ctx.status(202).json(Map.of("sent", sent));
    }

    /** The agent who has the ticket is typing: 404 for an unknown ticket, 409 naming who has it otherwise. */
    void agent(Context ctx) {
        String id = ctx.pathParam("id");
        requireEmptyObject(ctx);
        HandoffTicket ticket = tickets.find(id).orElseThrow(() -> new ApiException(404, "no ticket " + id));
        Actor actor = AgentAuth.actor(ctx);
        if (ticket.status() != TicketStatus.ASSIGNED) {
            throw new ApiException(409, "not_assigned", "ticket " + id + " is " + ticket.status().wireName()
                    + (ticket.status() == TicketStatus.WAITING ? ": claim the ticket first" : ": nobody is in the chat"));
        }
        if (!actor.login().equals(ticket.agent())) {
            throw new ApiException(409, "assigned_to_other", "ticket " + id + " is assigned to " + ticket.agent());
        }
        boolean sent = due("agent:" + ticket.conversationId());
        if (sent) {
            live.agentTyping(ticket.conversationId(), actor.displayName());
        }
        ctx.status(202).json(Map.of("sent", sent));
    }

    /** Forgets chats quiet for a minute (called every minute): the map holds only chats being typed in. */
    void evictIdle() {
        long now = System.nanoTime();
        lastSent.values().removeIf(at -> now - at > TimeUnit.MINUTES.toNanos(1));
    }

    /** Whether a signal of {@code key} may go out now (and, if so, it is counted as gone). */
    private boolean due(String key) {
        long now = System.nanoTime();
        boolean[] due = {false};
        lastSent.compute(key, (k, last) -> {
            due[0] = last == null || now - last >= TimeUnit.MILLISECONDS.toNanos(EVERY_MILLIS);
            return due[0] ? now : last;
        });
        return due[0];
    }

    /** No body, or an empty JSON object: a signal has nothing to say, and a draft must not be sent. */
    private static void requireEmptyObject(Context ctx) {
        byte[] body = Bodies.read(ctx, MessageRoutes.MAX_BODY);
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return;
        }
        if (Bodies.jsonObject(body, EXAMPLE).size() != 0) {
            throw new ApiException(400, "a typing signal carries no fields (the draft stays private); send " + EXAMPLE);
        }
    }
}
