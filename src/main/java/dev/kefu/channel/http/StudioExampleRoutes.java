package dev.kefu.channel.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kefu.auth.Accounts;
import dev.kefu.auth.Role;
import dev.kefu.studio.ExampleDraft;
import dev.kefu.studio.ExampleEditor;
import dev.kefu.studio.KbChange;
import dev.kefu.studio.KbEditor;
import dev.kefu.studio.KbExample;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The studio's intent examples ({@code /api/studio/examples…}, lines of {@code intents.tsv}), for
 * admins only, with the same history, restore and revision rules as the entries. Thread-safe.
 */
final class StudioExampleRoutes {
    static final int MAX_LIST = 500;
    private static final String EXAMPLE = "{\"intent\": \"refund_time\", \"text\": \"退款怎么还没到\", \"faqIds\": "
            + "[\"refund-time\"], \"comment\": \"来自未解决的问题\"}";
    private final KbEditor kb;
    private final ExampleEditor examples;
    private final Accounts accounts;

    StudioExampleRoutes(KbEditor kb, Accounts accounts) {
        this.kb = Objects.requireNonNull(kb, "kb");
        this.examples = new ExampleEditor(kb);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    /** {@code GET /api/studio/examples[?intent=&q=]}: at most {@value #MAX_LIST} examples in file order, and how many match. */
    void list(Context ctx) {
        AgentAuth.requireRole(ctx, Role.ADMIN);
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip().toLowerCase(Locale.ROOT);
        String intent = ctx.queryParam("intent");
        List<KbExample> found = kb.snapshot().examples().stream()
                .filter(e -> intent == null || intent.isBlank() || e.intent().equals(intent))
                .filter(e -> q.isEmpty() || e.text().toLowerCase(Locale.ROOT).contains(q)
                        || e.faqIds().stream().anyMatch(id -> id.contains(q)))
                .toList();
        ctx.json(Map.of("total", found.size(), "examples",
                found.stream().limit(MAX_LIST).map(StudioViews::example).toList()));
    }

    /** {@code POST /api/studio/examples} {@code {"intent", "text", "faqIds"?, "comment"}} → 201. */
    void create(Context ctx) {
        Actor admin = AgentAuth.requireRole(ctx, Role.ADMIN);
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(), EXAMPLE);
        KbExample example = examples.create(draft(body), StudioRoutes.change(admin, body));
        accounts.record(admin.login(), "kb_example_create", String.valueOf(example.id()));
        ctx.status(201).json(StudioViews.example(example));
    }

    /** {@code POST /api/studio/examples/{id}} with the example's fields, {@code revision} and {@code comment}. */
    void update(Context ctx) {
        Actor admin = AgentAuth.requireRole(ctx, Role.ADMIN);
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(), EXAMPLE);
        KbExample example = examples.update(id(ctx), StudioBody.revision(body), draft(body), StudioRoutes.change(admin, body));
        accounts.record(admin.login(), "kb_example_save", String.valueOf(example.id()));
        ctx.json(StudioViews.example(example));
    }

    /** {@code POST /api/studio/examples/{id}/remove} {@code {"revision", "comment"}}. */
    void remove(Context ctx) {
        Actor admin = AgentAuth.requireRole(ctx, Role.ADMIN);
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(), "{\"revision\": 1, \"comment\": \"标错了意图\"}");
        KbExample removed = examples.remove(id(ctx), StudioBody.revision(body), StudioRoutes.change(admin, body));
        accounts.record(admin.login(), "kb_example_remove", String.valueOf(removed.id()));
        ctx.json(Map.of("removed", removed.id()));
    }

    /** {@code GET /api/studio/examples/{id}/history}. */
    void history(Context ctx) {
        AgentAuth.requireRole(ctx, Role.ADMIN);
        List<KbChange> changes = kb.history(KbChange.Kind.EXAMPLE, String.valueOf(id(ctx)));
        if (changes.isEmpty()) {
            throw new ApiException(404, "no intent example " + id(ctx) + " was ever saved");
        }
        ctx.json(Map.of("changes", changes.stream().map(StudioViews::change).toList()));
    }

    /** {@code POST /api/studio/examples/{id}/restore} {@code {"change", "revision", "comment"}}. */
    void restore(Context ctx) {
        Actor admin = AgentAuth.requireRole(ctx, Role.ADMIN);
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(), "{\"change\": 12, \"revision\": 2, \"comment\": \"恢复\"}");
        long revision = body.has("revision") && !body.get("revision").isNull() ? StudioBody.revision(body) : 0;
        KbExample example = examples.restore(id(ctx), StudioBody.number(body, "change"), revision,
                StudioRoutes.change(admin, body));
        accounts.record(admin.login(), "kb_example_restore", String.valueOf(example.id()));
        ctx.json(StudioViews.example(example));
    }

    private static ExampleDraft draft(JsonNode body) {
        List<String> faqIds = body.has("faqIds") && !body.get("faqIds").isNull() ? StudioBody.strings(body, "faqIds") : List.of();
        return new ExampleDraft(StudioBody.text(body, "intent"), StudioRoutes.masked(StudioBody.text(body, "text")), faqIds);
    }

    private static long id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[1-9][0-9]{0,17}")) {
            throw new ApiException(404, "no intent example " + id);
        }
        return Long.parseLong(id);
    }
}
