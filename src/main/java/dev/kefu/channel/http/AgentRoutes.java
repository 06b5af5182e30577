package dev.kefu.channel.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.conversation.TranscriptMessage;
import dev.kefu.dialog.conversation.Transcripts;
import dev.kefu.faq.FaqEntry;
import dev.kefu.handoff.AgentMessage;
import dev.kefu.handoff.HandoffQueue;
import dev.kefu.handoff.HandoffTicket;
import dev.kefu.handoff.TicketPage;
import dev.kefu.handoff.TicketStatus;
import dev.kefu.handoff.TicketStore;
import dev.kefu.text.PiiMasker;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** The agent API under {@code /api/agent/}: the queue, a ticket with its transcript, and the moves. Thread-safe. */
final class AgentRoutes {
    /** Agents paste card numbers and phone numbers too: their messages and notes are masked like users' ones. */
    private static final PiiMasker MASKER = new PiiMasker();
    private final HttpMetrics metrics;
    /** Longest agent message, in characters. */
    static final int MAX_AGENT_TEXT = 2000;
    /** The event stream's path: the one agent route a browser opens without headers. */
    static final String EVENTS = "/api/agent/events";

    private final TicketStore tickets;
    private final Transcripts transcripts;
    private final HandoffQueue queue;
    private final Supplier<ChatEngine> engine;
    private final AgentAuth auth;
    private final Live live;
    private final dev.kefu.auth.Accounts accounts;

    private final Assigner assigner;
    private final dev.kefu.handoff.Worksheets sheets;

    AgentRoutes(HttpServer.Parts parts, Supplier<ChatEngine> engine, AgentAuth auth, Live live, HttpMetrics metrics,
                Assigner assigner) {
        this.assigner = Objects.requireNonNull(assigner, "assigner");
        this.sheets = parts.worksheets();
        this.accounts = parts.accounts();
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.tickets = parts.tickets();
        this.transcripts = parts.transcripts();
        this.queue = parts.queue();
        this.engine = Objects.requireNonNull(engine, "engine");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.live = Objects.requireNonNull(live, "live");
    }

    /** Before every agent route: the bearer token, or for the event stream a stream ticket. */
    void authenticate(Context ctx) {
        AgentAuth.remember(ctx, ctx.path().equals(EVENTS) ? auth.authenticateStream(ctx) : auth.authenticate(ctx));
    }

    /**
     * {@code GET /api/agent/tickets}: open tickets in queue order (at most {@code limit}, no further
     * pages), ended ones newest first in pages ({@code next} is the {@code before} of the next page).
     */
    void list(Context ctx) {
        TicketQuery query = TicketQuery.of(ctx);
        Instant now = Instant.now();
        Map<String, Object> body = new LinkedHashMap<>();
        if (query.ended()) {
            TicketPage page = tickets.ended(query.statuses(), query.limit(), query.before());
            body.put("tickets", withDigests(page.tickets(), page.tickets().stream().map(t -> view(t, now, null)).toList()));
            body.put("next", page.next() == null ? null : page.next().wire());
        } else {
            // the list is a prefix of the queue, so a waiting ticket's position is its rank among the
            // waiting ones: no count per ticket
            int[] waiting = {0};
            List<HandoffTicket> listed = tickets.list(query.openStatus(), query.limit());
            body.put("tickets", withDigests(listed, listed.stream().map(t -> view(t, now,
                    t.status() == TicketStatus.WAITING ? ++waiting[0] : null)).toList()));
            body.put("next", null);
        }
        ctx.json(body);
    }

    /** The views of {@code listed} with what the list shows of each: channel, customer, last message, unread. */
    private List<Map<String, Object>> withDigests(List<HandoffTicket> listed, List<Map<String, Object>> views) {
        Map<String, dev.kefu.handoff.TicketDigest> digests = tickets.digests(listed);
        for (Map<String, Object> view : views) {
            dev.kefu.handoff.TicketDigest d = digests.get((String) view.get("ticketId"));
            if (d != null) {
                view.put("channel", d.channel());
                view.put("customer", d.customer());
                view.put("lastMessage", d.lastText() == null ? null : Map.of("role", d.lastRole(), "text",
                        d.lastText(), "time", d.lastAt().toString()));
                view.put("unread", d.unread());
            }
        }
        return views;
    }

    /** {@code POST /api/agent/stream-ticket}: what opens the event stream for a minute, for this agent. */
    void streamTicket(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of("ticket", auth.streamTicket(agent(ctx)), "expiresInSeconds", StreamTickets.TTL.toSeconds()));
    }

    void ticket(Context ctx) {
        HandoffTicket ticket = tickets.find(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx));
        if (AgentAuth.actor(ctx).login().equals(ticket.agent())) {
            tickets.markRead(ticket.ticketId(), ticket.agent());
        }
        List<TranscriptMessage> messages = transcripts.transcript(ticket.conversationId()).orElse(List.of());
        String lastUser = ProblemMessages.of(messages);
        Map<String, Object> body = view(ticket, Instant.now());
        body.putAll(withDigests(List.of(ticket), List.of(new LinkedHashMap<>())).get(0));
        // for agents only: notes, tags, and the customer's earlier tickets (the widget never sees these)
        body.put("notes", sheets.notes(ticket.ticketId()).stream().map(WorksheetRoutes::note).toList());
        body.put("tags", sheets.tags(ticket.ticketId()));
        body.put("satisfaction", tickets.satisfaction(ticket.ticketId()).map(s -> {
            Map<String, Object> rating = new LinkedHashMap<>();
            rating.put("stars", s.stars());
            rating.put("comment", s.comment());
            return rating;
        }).orElse(null));
        Instant now = Instant.now();
        body.put("earlier", sheets.earlier(ticket, 10).stream().map(t -> view(t, now)).toList());
        body.put("messages", forAgents(messages).stream().map(MessageRoutes::line).toList());
        body.put("faqSuggestions", lastUser.isBlank() ? List.of()
                : engine.get().faqFor(lastUser, 3).stream().map(AgentRoutes::faq).toList());
        ctx.json(body);
    }

    void claim(Context ctx) {
        HandoffTicket ticket = tickets.claim(ctx.pathParam("id"), agent(ctx));
        if (ticket.claimedAt() != null) {
            metrics.claimed(Duration.between(ticket.createdAt(), ticket.claimedAt()));
        }
        live.ticketChanged(ticket);
        audit(ctx, "claim");
        ctx.json(view(ticket, Instant.now()));
    }

    void reply(Context ctx) {
        String text = text(ctx);
        AgentMessage message = tickets.reply(ctx.pathParam("id"), agent(ctx), text);
        live.agentMessage(message);
        audit(ctx, "reply");
        ctx.status(201).json(Map.of("ticketId", message.ticketId(), "conversationId", message.conversationId(),
                "agent", message.agent(), "text", message.text(), "time", message.time().toString()));
    }

    void close(Context ctx) {
        String note = optionalNote(ctx);
        askSatisfaction(ctx);
        HandoffTicket ticket = tickets.close(ctx.pathParam("id"), agent(ctx), note);
        live.ticketChanged(ticket);
        audit(ctx, "close");
        assigner.assign();
        ctx.json(view(ticket, Instant.now()));
    }

    /**
     * A platform user whose chat this agent is closing gets the satisfaction question as the
     * agent's last message (through the outbox); the widget asks with stars by itself.
     */
    private void askSatisfaction(Context ctx) {
        HandoffTicket ticket = tickets.find(ctx.pathParam("id")).orElse(null);
        if (ticket == null || ticket.status() != TicketStatus.ASSIGNED || !agent(ctx).equals(ticket.agent())) {
            return;
        }
        dev.kefu.handoff.TicketDigest digest = tickets.digests(List.of(ticket)).get(ticket.ticketId());
        if (digest != null && !digest.channel().equals("web")) {
            live.agentMessage(tickets.reply(ticket.ticketId(), ticket.agent(), InboundTurns.satisfactionQuestion()));
        }
    }

    void handBack(Context ctx) {
        HandoffTicket ticket = tickets.handBack(ctx.pathParam("id"), agent(ctx));
        live.ticketChanged(ticket);
        audit(ctx, "handback");
        assigner.assign();
        ctx.json(view(ticket, Instant.now()));
    }

    /** The transcript as agents see it: the newest user line without a possible first half of a card number ({@link Desk#forAgents}). */
    private static List<TranscriptMessage> forAgents(List<TranscriptMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            TranscriptMessage m = messages.get(i);
            if (m.role().equals("user")) {
                List<TranscriptMessage> shown = new java.util.ArrayList<>(messages);
                shown.set(i, new TranscriptMessage(m.id(), m.role(), Desk.forAgents(m.text()), m.time(), m.action(),
                        m.intent(), m.confidence(), m.reason(), m.faqId(), m.agent()));
                return shown;
            }
        }
        return messages;
    }

    Map<String, Object> view(HandoffTicket t, Instant now) {
        return view(t, now, t.status() == TicketStatus.WAITING
                ? queue.status(t.conversationId()).map(s -> s.position()).orElse(null) : null);
    }

    /** The ticket as the console shows it; {@code position} in the queue when waiting, else null. */
    private Map<String, Object> view(HandoffTicket t, Instant now, Integer position) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ticketId", t.ticketId());
        view.put("number", t.number());
        view.put("conversationId", t.conversationId());
        view.put("status", t.status().wireName());
        view.put("priority", t.priority());
        view.put("reason", t.reason());
        view.put("intent", t.intent());
        view.put("agent", t.agent());
        view.put("createdAt", t.createdAt().toString());
        view.put("claimedAt", t.claimedAt() == null ? null : t.claimedAt().toString());
        view.put("closedAt", t.closedAt() == null ? null : t.closedAt().toString());
        view.put("note", t.note());
        Instant end = t.claimedAt() != null ? t.claimedAt() : t.closedAt() != null ? t.closedAt() : now;
        view.put("waitSeconds", Math.max(0, Duration.between(t.createdAt(), end).toSeconds()));
        view.put("position", position);
        return view;
    }

    private static Map<String, Object> faq(FaqEntry e) {
        return Map.of("faqId", e.id(), "question", e.question(), "answer", e.answer());
    }

    private static String agent(Context ctx) {
        return AgentAuth.actor(ctx).login();
    }

    /** The audit line of a move on the ticket of the path, by the account that made it. */
    private void audit(Context ctx, String action) {
        accounts.record(AgentAuth.actor(ctx).auditName(), action, ctx.pathParam("id"));
    }

    private static ApiException notFound(Context ctx) {
        return new ApiException(404, "no ticket " + ctx.pathParam("id"));
    }

    private static String text(Context ctx) {
        JsonNode text = body(ctx).get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw new ApiException(400, "text is required and must be a non-blank string");
        }
        if (text.asText().length() > MAX_AGENT_TEXT) {
            throw new ApiException(400, "text must be at most " + MAX_AGENT_TEXT + " characters");
        }
        return MASKER.mask(text.asText().strip()).text();
    }

    private static String optionalNote(Context ctx) {
        if (ctx.body().isBlank()) {
            return null;
        }
        JsonNode note = body(ctx).get("note");
        if (note == null || note.isNull()) {
            return null;
        }
        if (!note.isTextual() || note.asText().length() > MAX_AGENT_TEXT) {
            throw new ApiException(400, "note must be a string of at most " + MAX_AGENT_TEXT + " characters");
        }
        return MASKER.mask(note.asText().strip()).text();
    }

    private static JsonNode body(Context ctx) {
        return Bodies.jsonObject(ctx.bodyAsBytes(), "{\"text\": \"您好\"} or {\"note\": \"已处理\"}");
    }
}
