package dev.kefu.channel.http;

import dev.kefu.studio.KbChange;
import dev.kefu.studio.KbEntry;
import dev.kefu.studio.KbException;
import dev.kefu.studio.KbExample;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The studio's JSON shapes: entries, examples and changes as {@code /api/studio/*} sends them. */
final class StudioViews {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private StudioViews() {
    }

    static Map<String, Object> entry(KbEntry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id());
        view.put("intent", entry.faq().intent());
        view.put("question", entry.faq().question());
        view.put("paraphrases", entry.faq().paraphrases());
        view.put("answer", entry.faq().answer());
        view.put("revision", entry.stamp().revision());
        view.put("updatedBy", entry.stamp().by());
        view.put("updatedAt", entry.stamp().at().toString());
        return view;
    }

    static Map<String, Object> example(KbExample example) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", example.id());
        view.put("intent", example.intent());
        view.put("text", example.text());
        view.put("faqIds", example.faqIds());
        view.put("revision", example.stamp().revision());
        view.put("updatedBy", example.stamp().by());
        view.put("updatedAt", example.stamp().at().toString());
        return view;
    }

    static Map<String, Object> change(KbChange change) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", change.id());
        view.put("kind", change.kind().wireName());
        view.put("item", change.item());
        view.put("revision", change.revision());
        view.put("author", change.author());
        view.put("comment", change.comment());
        view.put("at", change.at().toString());
        view.put("before", tree(change.before()));
        view.put("after", tree(change.after()));
        return view;
    }

    private static Object tree(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the change log holds JSON that does not parse", e);
        }
    }

    /** A refused edit: 400 invalid, 404 unknown, 409 stale (with the item as it is now and who changed it) or taken. */
    static void refusal(KbException e, Context ctx) {
        int status = switch (e.problem()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case STALE, TAKEN, BUSY, GATE -> 409;
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("code", switch (e.problem()) {
            case STALE -> "stale_revision";
            case BUSY -> "training_running";
            case GATE -> "gate_refused";
            default -> e.problem().name().toLowerCase(Locale.ROOT);
        });
        if (e.problem() == KbException.Problem.GATE) {
            body.put("reasons", e.reasons());
        }
        if (e.field() != null) {
            body.put("field", e.field());
        }
        if (e.problem() == KbException.Problem.STALE) {
            body.put("current", e.current() instanceof KbEntry entry ? entry(entry)
                    : e.current() instanceof KbExample example ? example(example) : null);
            body.put("change", e.lastChange() == null ? null : change(e.lastChange()));
        }
        ctx.status(status).json(body);
    }
}
