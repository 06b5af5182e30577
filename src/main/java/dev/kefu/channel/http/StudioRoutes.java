package dev.kefu.channel.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kefu.auth.Accounts;
import dev.kefu.auth.Role;
import dev.kefu.dialog.ReplyRenderer;
import dev.kefu.faq.FaqEntry;
import dev.kefu.studio.EntryDraft;
import dev.kefu.studio.KbChange;
import dev.kefu.studio.KbEditor;
import dev.kefu.studio.KbEntry;
import dev.kefu.studio.KbSnapshot;
import dev.kefu.text.PiiMasker;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The studio's FAQ entries ({@code /api/studio/entries…}), for admins only: browse and search,
 * create, edit (naming the revision edited), add a phrasing, remove, history and restore, and the
 * rendered preview of an answer. Text is masked before it is stored. Thread-safe.
 */
final class StudioRoutes {
    static final PiiMasker MASKER = new PiiMasker();
    private static final String ENTRY_EXAMPLE = "{\"id\": \"refund-late\", \"intent\": \"refund_time\", \"question\": "
            + "\"退款为什么还没到\", \"paraphrases\": [\"…\"], \"answer\": \"…\", \"comment\": \"为什么改\"}";
    private final KbEditor kb;
    private final Accounts accounts;
    private final ReplyRenderer renderer;

    StudioRoutes(KbEditor kb, Accounts accounts, ReplyRenderer renderer) {
        this.kb = Objects.requireNonNull(kb, "kb");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** {@code GET /api/studio/entries[?q=&intent=]}: the draft's entries in file order, filtered. */
    void list(Context ctx) {
        AgentAuth.requireRole(ctx, Role.ADMIN);
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip().toLowerCase(Locale.ROOT);
        String intent = ctx.queryParam("intent");
        KbSnapshot draft = kb.snapshot();
        ctx.json(Map.of("draftRevision", draft.draftRevision(), "entries", draft.entries().stream()
                .filter(e -> intent == null || intent.isBlank() || e.faq().intent().equals(intent))
                .filter(e -> q.isEmpty() || matches(e.faq(), q)).map(StudioViews::entry).toList()));
    }

    private static boolean matches(FaqEntry entry, String q) {
        return entry.id().contains(q) || entry.answer().toLowerCase(Locale.ROOT).contains(q)
                || entry.phrasings().stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).contains(q));
    }

    /** {@code GET /api/studio/entries/{id}}. */
    void get(Context ctx) {
        AgentAuth.requireRole(ctx, Role.ADMIN);
        String id = ctx.pathParam("id");
        ctx.json(StudioViews.entry(kb.snapshot().entry(id)
                .orElseThrow(() -> new ApiException(404, "no FAQ entry '" + id + "'"))));
    }

    /** {@code POST /api/studio/entries} {@code {"id", "intent", "question", "paraphrases", "answer", "comment"}} → 201. */
    void create(Context ctx) {
        Actor admin = AgentAuth.requireRole(ctx, Role.ADMIN);
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(), ENTRY_EXAMPLE);
        KbEntry entry = kb.create(draft(body, StudioBody.text(body, "id")), change(admin, body));
        accounts.record(admin.login(), "kb_entry_create", entry.id());
        ctx.status(201).json(StudioViews.entry(entry));
    }

    /** {@code POST /api/studio/entries/{id}} with the entry's fields, {@code revision} and {@code comment}. */
    void update(Context ctx) {
        Actor admin = AgentAuth.requireRole(ctx, Role.ADMIN);
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(), ENTRY_EXAMPLE);
        String id = ctx.pathParam("id");
        String bodyId = body.has("id") ? StudioBody.text(body, "id") : id;
        KbEntry entry = kb.update(id, StudioBody.revision(body), draft(body, bodyId), change(admin, body));
        accounts.record(admin.login(), "kb_entry_save", entry.id());
        ctx.json(StudioViews.entry(entry));
    }

    /** {@code POST /api/studio/entries/{id}/phrasings} {@code {"text", "comment"}} → 201 with the entry. */
    void addPhrasing(Context ctx) {
        Actor admin = AgentAuth.requireRole(ctx, Role.ADMIN);
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(), "{\"text\": \"退款怎么还没到\", \"comment\": \"来自未解决的问题\"}");
        KbEntry entry = kb.addPhrasing(ctx.pathParam("id"), masked(StudioBody.text(body, "text")), change(admin, body));
        accounts.record(admin.login(), "kb_entry_phrasing", entry.id());
        ctx.status(201).json(StudioViews.entry(entry));
    }

    /** {@code POST /api/studio/entries/{id}/remove} {@code {"revision", "comment"}}. */
    void remove(Context ctx) {
        Actor admin = AgentAuth.requireRole(ctx, Role.ADMIN);
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(), "{\"revision\": 3, \"comment\": \"与 refund-late 重复\"}");
        KbEntry removed = kb.remove(ctx.pathParam("id"), StudioBody.revision(body), change(admin, body));
        accounts.record(admin.login(), "kb_entry_remove", removed.id());
        ctx.json(Map.of("removed", removed.id()));
    }

    /** {@code GET /api/studio/entries/{id}/history}: every change, oldest first (also of a removed entry). */
    void history(Context ctx) {
        AgentAuth.requireRole(ctx, Role.ADMIN);
        List<KbChange> changes = kb.history(KbChange.Kind.ENTRY, ctx.pathParam("id"));
        if (changes.isEmpty()) {
            throw new ApiException(404, "no FAQ entry '" + ctx.pathParam("id") + "' was ever saved");
        }
        ctx.json(Map.of("changes", changes.stream().map(StudioViews::change).toList()));
    }

    /** {@code POST /api/studio/entries/{id}/restore} {@code {"change", "revision", "comment"}}: back to what that change saved. */
    void restore(Context ctx) {
        Actor admin = AgentAuth.requireRole(ctx, Role.ADMIN);
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(), "{\"change\": 12, \"revision\": 4, \"comment\": \"改错了，恢复\"}");
        long revision = body.has("revision") && !body.get("revision").isNull() ? StudioBody.revision(body) : 0;
        KbEntry entry = kb.restore(ctx.pathParam("id"), StudioBody.number(body, "change"), revision, change(admin, body));
        accounts.record(admin.login(), "kb_entry_restore", entry.id());
        ctx.json(StudioViews.entry(entry));
    }

    /** {@code POST /api/studio/preview} {@code {"answer"}}: the answer as the bot would send it. */
    void preview(Context ctx) {
        AgentAuth.requireRole(ctx, Role.ADMIN);
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(), "{\"answer\": \"请拨打 {hotline}\"}");
        String answer = StudioBody.text(body, "answer");
        FaqEntry probe = new FaqEntry("preview", "preview", "preview", List.of(), answer);
        ctx.json(Map.of("answer", renderer.filled(probe).answer()));
    }

    /** {@code GET /api/studio/intents}: every intent with its example and entry counts. */
    void intents(Context ctx) {
        AgentAuth.requireRole(ctx, Role.ADMIN);
        KbSnapshot draft = kb.snapshot();
        java.util.TreeMap<String, long[]> counts = new java.util.TreeMap<>();
        draft.examples().forEach(e -> counts.computeIfAbsent(e.intent(), k -> new long[2])[0]++);
        draft.entries().forEach(e -> counts.computeIfAbsent(e.faq().intent(), k -> new long[2])[1]++);
        ctx.json(Map.of("intents", counts.entrySet().stream().map(e -> Map.of("name", e.getKey(),
                "examples", e.getValue()[0], "entries", e.getValue()[1])).toList()));
    }

    private static EntryDraft draft(JsonNode body, String id) {
        List<String> paraphrases = StudioBody.strings(body, "paraphrases").stream().map(StudioRoutes::masked).toList();
        return new EntryDraft(id, StudioBody.text(body, "intent"), masked(StudioBody.text(body, "question")), paraphrases,
                masked(StudioBody.text(body, "answer")));
    }

    static KbEditor.Change change(Actor admin, JsonNode body) {
        JsonNode comment = body.get("comment");
        if (comment == null || !comment.isTextual() || comment.asText().isBlank() || comment.asText().length() > 500) {
            throw new ApiException(400, "comment is required: say why you make this change (at most 500 characters)");
        }
        return new KbEditor.Change(admin.login(), masked(comment.asText().strip()));
    }

    static String masked(String text) {
        return MASKER.mask(text).text();
    }
}
