package dev.kefu.channel.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kefu.auth.Accounts;
import dev.kefu.auth.Presence;
import dev.kefu.auth.Role;
import dev.kefu.handoff.HandoffTicket;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Presence, transfer and unassign under {@code /api/agent/}. Going away puts the agent's chats
 * that await a reply back in the queue; an admin may transfer or unassign anyone's ticket, an
 * agent only their own (409 naming who has it otherwise). Thread-safe.
 */
final class AssignmentRoutes {
    private final Accounts accounts;
    private final Assigner assigner;
    private final AgentRoutes tickets;

    AssignmentRoutes(Accounts accounts, Assigner assigner, AgentRoutes tickets) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.assigner = Objects.requireNonNull(assigner, "assigner");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
    }

    /** {@code POST /api/agent/presence} {@code {"presence": "online" | "away"}}: for accounts only. */
    void presence(Context ctx) {
        Actor actor = AgentAuth.actor(ctx);
        if (!actor.hasAccount()) {
            throw new ApiException(400, "presence is for accounts; the bearer token has none");
        }
        JsonNode value = body(ctx, "{\"presence\": \"online\"}").get("presence");
        Presence presence = Presence.ofWire(value == null || !value.isTextual() ? null : value.asText());
        if (presence == Presence.OFFLINE) {
            throw new dev.kefu.auth.AccountException("presence", "presence must be online or away; log out to go offline");
        }
        accounts.store().setPresence(actor.login(), presence);
        accounts.record(actor.login(), "presence_" + presence.wireName(), null);
        int released = presence == Presence.AWAY ? assigner.release(actor.login(), true).size() : 0;
        if (presence == Presence.ONLINE) {
            assigner.assign();
        }
        ctx.json(Map.of("presence", presence.wireName(), "released", released));
    }

    /** {@code POST /api/agent/tickets/{id}/transfer} {@code {"to": "login"}}. */
    void transfer(Context ctx) {
        Actor actor = AgentAuth.actor(ctx);
        JsonNode to = body(ctx, "{\"to\": \"wei\"}").get("to");
        if (to == null || !to.isTextual() || to.asText().isBlank()) {
            throw new ApiException(400, "to is required: the login of the agent to take the ticket");
        }
        HandoffTicket ticket = assigner.assignments().transfer(ctx.pathParam("id"), actor.login(),
                to.asText().strip(), actor.role().covers(Role.ADMIN));
        accounts.record(actor.auditName(), "transfer", ticket.ticketId());
        assigner.announce(java.util.List.of(ticket));
        ctx.json(tickets.view(ticket, Instant.now()));
    }

    /** {@code POST /api/agent/tickets/{id}/unassign}: back to the queue. */
    void unassign(Context ctx) {
        Actor actor = AgentAuth.actor(ctx);
        HandoffTicket ticket = assigner.assignments().unassign(ctx.pathParam("id"), actor.login(),
                actor.role().covers(Role.ADMIN));
        accounts.record(actor.auditName(), "unassign", ticket.ticketId());
        assigner.announce(java.util.List.of(ticket));
        ctx.json(tickets.view(ticket, Instant.now()));
    }

    private static JsonNode body(Context ctx, String example) {
        return Bodies.jsonObject(ctx.bodyAsBytes(), example);
    }
}
