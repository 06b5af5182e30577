package dev.kefu.channel.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kefu.auth.Accounts;
import dev.kefu.auth.Role;
import dev.kefu.studio.version.Gate;
import dev.kefu.studio.version.HitTest;
import dev.kefu.studio.version.KbVersion;
import dev.kefu.studio.version.Publication;
import dev.kefu.studio.version.VersionReport;
import dev.kefu.studio.version.Versions;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Versions in the studio ({@code /api/studio/versions…}, admins only): train the draft in the
 * background, watch its progress, compare it with the published version, publish through the
 * regression gate (or past it with a reason), roll back. Thread-safe.
 */
final class StudioVersionRoutes {
    private final Versions versions;
    private final Accounts accounts;
    private final HitTest.Runner hits;

    StudioVersionRoutes(Versions versions, Accounts accounts, HitTest.Runner hits) {
        this.versions = Objects.requireNonNull(versions, "versions");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.hits = Objects.requireNonNull(hits, "hits");
    }

    /** {@code POST /api/studio/hit-test} {@code {"text"}}: the message against the published and the last trained version. */
    void hitTest(Context ctx) {
        AgentAuth.requireRole(ctx, Role.ADMIN);
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(), "{\"text\": \"退款多久到账\"}");
        String text = StudioBody.text(body, "text").strip();
        if (text.isEmpty() || text.length() > 500) {
            throw new ApiException(400, "text is required: the message to test, 1-500 characters");
        }
        String masked = StudioRoutes.masked(text);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("published", hits.published(masked));
        result.put("draft", hits.draft(masked));
        ctx.json(result);
    }

    /** {@code POST /api/studio/versions} {@code {"comment"}}: starts training the draft → 202. */
    void train(Context ctx) {
        Actor admin = AgentAuth.requireRole(ctx, Role.ADMIN);
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(), "{\"comment\": \"补充退款问法\"}");
        KbVersion version = versions.train(admin.login(), StudioRoutes.change(admin, body).comment());
        accounts.record(admin.login(), "kb_version_train", String.valueOf(version.id()));
        ctx.status(202).json(summary(version));
    }

    /** {@code GET /api/studio/versions}: every version, the published one, the training running here. */
    void list(Context ctx) {
        AgentAuth.requireRole(ctx, Role.ADMIN);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("versions", versions.store().list().stream().map(StudioVersionRoutes::summary).toList());
        body.put("published", versions.store().published().map(StudioVersionRoutes::publication).orElse(null));
        body.put("training", versions.running().map(p -> Map.of("versionId", p.versionId(), "step", p.step())).orElse(null));
        body.put("mustNotBreak", List.copyOf(versions.mustNotBreak()));
        body.put("publications", versions.store().publications().stream().map(StudioVersionRoutes::publication).toList());
        ctx.json(body);
    }

    /** {@code GET /api/studio/versions/{id}}: the report, compared with the published version, and the gate's verdict. */
    void get(Context ctx) {
        AgentAuth.requireRole(ctx, Role.ADMIN);
        KbVersion version = version(ctx);
        Map<String, Object> body = new LinkedHashMap<>(summary(version));
        VersionReport report = version.report();
        if (report != null) {
            VersionReport serving = versions.comparedWith(version);
            body.put("seeds", report.seeds());
            body.put("comparedWith", serving == null ? null : Map.of("answerAccuracy", serving.answerAccuracy(),
                    "answerPrecision", serving.answerPrecision(), "e2eAccuracy", serving.e2eAccuracy(), "seeds", serving.seeds()));
            body.put("changedLines", serving == null ? List.of() : Gate.changed(serving, report).stream()
                    .map(c -> Map.of("text", c.after().text(), "before", c.before(), "after", c.after())).toList());
            body.put("gate", versions.gate().refusals(report, serving, versions.mustNotBreak()));
        }
        ctx.json(body);
    }

    /** {@code POST /api/studio/versions/{id}/publish} {@code {"override"?: true, "reason"?}}; 409 when the gate refuses. */
    void publish(Context ctx) {
        Actor admin = AgentAuth.requireRole(ctx, Role.ADMIN);
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(), "{\"override\": true, \"reason\": \"已人工核对\"}");
        boolean override = body.has("override") && body.get("override").asBoolean(false);
        String reason = body.has("reason") && body.get("reason").isTextual()
                ? StudioRoutes.masked(body.get("reason").asText().strip()) : null;
        Publication done = versions.publish(version(ctx).id(), admin.login(), reason, override);
        accounts.record(admin.login(), "kb_version_" + done.action().wireName(), String.valueOf(done.versionId()));
        ctx.json(publication(done));
    }

    /** {@code POST /api/studio/versions/{id}/rollback} {@code {"reason"}}: back to a version published before. */
    void rollback(Context ctx) {
        Actor admin = AgentAuth.requireRole(ctx, Role.ADMIN);
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(), "{\"reason\": \"新版本答错了退款问题\"}");
        JsonNode reason = body.get("reason");
        if (reason == null || !reason.isTextual() || reason.asText().isBlank()) {
            throw new ApiException(400, "reason is required: say why you roll back");
        }
        Publication done = versions.rollback(version(ctx).id(), admin.login(), StudioRoutes.masked(reason.asText().strip()));
        accounts.record(admin.login(), "kb_version_rollback", String.valueOf(done.versionId()));
        ctx.json(publication(done));
    }

    /** {@code POST /api/studio/must-not-break} {@code {"texts": [...]}}: the eval lines the gate guards. */
    void mustNotBreak(Context ctx) {
        AgentAuth.requireRole(ctx, Role.ADMIN);
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(), "{\"texts\": [\"退款多久到账\"]}");
        List<String> texts = StudioBody.strings(body, "texts").stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        for (String text : texts) {
            if (text.contains("\n")) {
                throw new ApiException(400, "texts: each line is one line of eval.tsv (no line breaks)");
            }
        }
        versions.markMustNotBreak(texts);
        ctx.json(Map.of("mustNotBreak", texts));
    }

    private KbVersion version(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[1-9][0-9]{0,17}")) {
            throw new ApiException(404, "no version " + id);
        }
        return versions.store().get(Long.parseLong(id)).orElseThrow(() -> new ApiException(404, "no version " + id));
    }

    private static Map<String, Object> summary(KbVersion v) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", v.id());
        view.put("status", v.status().wireName());
        view.put("draftRevision", v.draftRevision());
        view.put("createdBy", v.createdBy());
        view.put("comment", v.comment());
        view.put("createdAt", v.createdAt().toString());
        view.put("finishedAt", v.finishedAt() == null ? null : v.finishedAt().toString());
        view.put("error", v.error());
        VersionReport r = v.report();
        view.put("answerAccuracy", r == null ? null : r.answerAccuracy());
        view.put("answerPrecision", r == null ? null : r.answerPrecision());
        view.put("e2eAccuracy", r == null ? null : r.e2eAccuracy());
        view.put("cvAccuracy", r == null ? null : r.cvAccuracy());
        return view;
    }

    private static Map<String, Object> publication(Publication p) {
        return Map.of("versionId", p.versionId(), "action", p.action().wireName(), "by", p.by(), "at", p.at().toString(),
                "reason", p.reason());
    }
}
