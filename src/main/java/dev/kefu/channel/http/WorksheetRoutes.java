package dev.kefu.channel.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kefu.auth.Accounts;
import dev.kefu.auth.Role;
import dev.kefu.handoff.CannedReply;
import dev.kefu.handoff.TicketNote;
import dev.kefu.handoff.Worksheets;
import dev.kefu.text.PiiMasker;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Canned replies ({@code /api/agent/canned}), notes and tags of a ticket, and the search of ended
 * tickets. Everything an agent types is masked before it is stored. Thread-safe.
 */
final class WorksheetRoutes {
    private static final PiiMasker MASKER = new PiiMasker();
    private static final Pattern SHORTCUT = Pattern.compile("[\\p{L}\\p{N}_-]{1,30}");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N} _-]{1,20}");
    static final int MAX_TAGS = 10;
    private final Worksheets sheets;
    private final Accounts accounts;
    private final AgentRoutes tickets;

    WorksheetRoutes(Worksheets sheets, Accounts accounts, AgentRoutes tickets) {
        this.sheets = Objects.requireNonNull(sheets, "sheets");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
    }

    /** {@code GET /api/agent/canned[?q=]}: the replies whose shortcut or text contains {@code q}. */
    void canned(Context ctx) {
        ctx.json(Map.of("replies", sheets.canned(ctx.queryParam("q"), 50).stream()
                .map(r -> Map.of("shortcut", r.shortcut(), "text", r.text())).toList()));
    }

    /** {@code POST /api/agent/canned} {@code {"shortcut", "text"}} (admin): adds or replaces one → 201. */
    void saveCanned(Context ctx) {
        Actor admin = AgentAuth.requireRole(ctx, Role.ADMIN);
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(), "{\"shortcut\": \"退款\", \"text\": \"退款一般 1-3 个工作日到账\"}");
        String shortcut = text(body, "shortcut", 30);
        if (!SHORTCUT.matcher(shortcut).matches()) {
            throw new ApiException(400, "shortcut must be 1-30 letters, digits, '_' or '-' (no spaces)");
        }
        CannedReply reply = new CannedReply(shortcut, MASKER.mask(text(body, "text", AgentRoutes.MAX_AGENT_TEXT)).text());
        sheets.saveCanned(reply, admin.login());
        accounts.record(admin.login(), "canned_save", shortcut);
        ctx.status(201).json(Map.of("shortcut", reply.shortcut(), "text", reply.text()));
    }

    /** {@code POST /api/agent/canned/{shortcut}/remove} (admin). */
    void removeCanned(Context ctx) {
        Actor admin = AgentAuth.requireRole(ctx, Role.ADMIN);
        String shortcut = ctx.pathParam("shortcut");
        if (!sheets.removeCanned(shortcut)) {
            throw new ApiException(404, "no canned reply " + shortcut);
        }
        accounts.record(admin.login(), "canned_remove", shortcut);
        ctx.json(Map.of("removed", shortcut));
    }

    /** {@code POST /api/agent/tickets/{id}/notes} {@code {"text"}}: an internal note → 201. */
    void addNote(Context ctx) {
        Actor actor = AgentAuth.actor(ctx);
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(), "{\"text\": \"用户已提供订单号\"}");
        TicketNote note = sheets.addNote(ctx.pathParam("id"), actor.login(),
                MASKER.mask(text(body, "text", AgentRoutes.MAX_AGENT_TEXT)).text());
        accounts.record(actor.auditName(), "note", ctx.pathParam("id"));
        ctx.status(201).json(note(note));
    }

    /** {@code POST /api/agent/tickets/{id}/tags} {@code {"tags": [...]}}: replaces the ticket's tags. */
    void setTags(Context ctx) {
        Actor actor = AgentAuth.actor(ctx);
        JsonNode list = Bodies.jsonObject(ctx.bodyAsBytes(), "{\"tags\": [\"退款\", \"投诉\"]}").get("tags");
        if (list == null || !list.isArray() || list.size() > MAX_TAGS) {
            throw new ApiException(400, "tags must be a list of at most " + MAX_TAGS + " tags");
        }
        TreeSet<String> tags = new TreeSet<>();
        for (JsonNode tag : list) {
            String value = tag.isTextual() ? MASKER.mask(tag.asText().strip()).text() : "";
            if (!TAG.matcher(value).matches()) {
                throw new ApiException(400, "each tag must be 1-20 letters, digits, spaces, '_' or '-'");
            }
            tags.add(value);
        }
        sheets.setTags(ctx.pathParam("id"), tags);
        accounts.record(actor.auditName(), "tags", ctx.pathParam("id"));
        ctx.json(Map.of("tags", sheets.tags(ctx.pathParam("id"))));
    }

    /** {@code GET /api/agent/search?q=}: ended tickets by number, {@code tag:…} or transcript text. */
    void search(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank() || q.length() > 100) {
            throw new ApiException(400, "q is required: a ticket number (#1024), tag:NAME or text, at most 100 characters");
        }
        Instant now = Instant.now();
        // the transcripts hold masked text: a card number searched for matches its masked form
        ctx.json(Map.of("tickets", sheets.search(MASKER.mask(q.strip()).text(), 50).stream()
                .map(t -> tickets.view(t, now)).toList()));
    }

    static Map<String, Object> note(TicketNote note) {
        return Map.of("author", note.author(), "text", note.text(), "at", note.at().toString());
    }

    private static String text(JsonNode body, String field, int max) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().length() > max) {
            throw new ApiException(400, field + " is required: a non-blank string of at most " + max + " characters");
        }
        return value.asText().strip();
    }
}
