package dev.kefu.channel.http;

import dev.kefu.handoff.DeskEvent;
import dev.kefu.handoff.TicketStatus;
import dev.kefu.handoff.TicketStore;
import io.javalin.http.sse.SseClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The agents' event stream ({@code GET /api/agent/events}), resumable from a stored time. Thread-safe. */
final class AgentStream {
    /** Most missed events sent to a reconnecting stream; the console reloads its lists on {@code hello} anyway. */
    static final int MAX_REPLAYED = 500;

    private final TicketStore tickets;
    private final Live live;

    AgentStream(TicketStore tickets, Live live) {
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.live = Objects.requireNonNull(live, "live");
    }

    /**
     * {@code GET /api/agent/events}: every ticket change and user message, live. A stream that
     * reconnects with {@code Last-Event-ID} (what a browser's EventSource sends by itself), or a
     * new one with {@code ?lastEventId=}, is first sent what it missed: ids are stored times
     * (epoch milliseconds), so this works across a restart and on another instance. Then
     * {@code hello}.
     */
    void events(SseClient client) {
        client.keepAlive();
        String header = client.ctx().header("Last-Event-ID");
        long since = MessageRoutes.lastEventId(header != null ? header : client.ctx().queryParam("lastEventId"));
        EventHub.start(client, since >= 0 ? since : System.currentTimeMillis());
        MessageRoutes.addStream(live.agents(), "agents", client); // first: a live event is sent, not lost
        if (since >= 0) {
            for (DeskEvent event : tickets.eventsAfter(Instant.ofEpochMilli(since), MAX_REPLAYED)) {
                replay(client, event);
            }
        }
        EventHub.send(client, "hello", Map.of("waiting", tickets.count(TicketStatus.WAITING)), 0);
    }

    /** One missed event, as it was sent live ({@link Live}). */
    private static void replay(SseClient client, DeskEvent event) {
        if (event instanceof DeskEvent.TicketChanged t) {
            EventHub.send(client, "ticket", Live.ticketEvent(t.ticketId(), t.conversationId(), t.status(), t.time()),
                    t.time().toEpochMilli());
        } else if (event instanceof DeskEvent.Line line) {
            Map<String, Object> data = new LinkedHashMap<>();
            if (line.role().equals("agent")) {
                data.put("ticketId", line.ticketId());
            }
            data.put("conversationId", line.conversationId());
            data.put("role", line.role());
            data.put("text", line.role().equals("user") ? Desk.forAgents(line.text()) : line.text());
            data.put("time", line.time().toString());
            EventHub.send(client, "message", data, line.time().toEpochMilli());
        } else {
            throw new IllegalStateException("unknown desk event " + event);
        }
    }
}
