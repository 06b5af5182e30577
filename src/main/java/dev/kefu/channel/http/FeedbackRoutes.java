package dev.kefu.channel.http;

import dev.kefu.dialog.conversation.ConversationStore;
import dev.kefu.feedback.FaqFeedback;
import dev.kefu.feedback.FeedbackStore;
import dev.kefu.feedback.RatedAnswer;
import dev.kefu.feedback.Rating;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Handlers of users' ratings of answers and of the per-FAQ analytics for the team. Thread-safe. */
final class FeedbackRoutes {
    private final ConversationStore conversations;
    private final FeedbackStore feedback;
    private final HttpMetrics metrics;
    private final dev.kefu.handoff.TicketStore tickets;
    /** Customers' comments are masked like their messages. */
    private static final dev.kefu.text.PiiMasker MASKER = new dev.kefu.text.PiiMasker();

    FeedbackRoutes(HttpServer.Parts parts, HttpMetrics metrics) {
        this.tickets = parts.tickets();
        this.conversations = parts.conversations();
        this.feedback = parts.feedback();
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** {@code POST /api/conversations/{id}/feedback}: rates one answer helpful or not. */
    void rate(Context ctx) {
        String id = ctx.pathParam("id");
        Rating rating = FeedbackRequest.parse(id, Bodies.read(ctx, MessageRoutes.MAX_BODY));
        if (conversations.find(id).isEmpty()) {
            throw new ApiException(404, "no conversation " + id);
        }
        RatedAnswer rated = feedback.rate(rating, Instant.now()).orElseThrow(() -> new ApiException(404,
                "conversation " + id + " has no answer with " + (rating.messageId() != null
                        ? "messageId " + rating.messageId() : "") + (rating.messageId() != null && rating.faqId() != null
                        ? " and " : "") + (rating.faqId() != null ? "faqId " + rating.faqId() : "")));
        metrics.feedback(rated);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conversationId", rated.conversationId());
        body.put("messageId", rated.messageId());
        body.put("faqId", rated.faqId());
        body.put("helpful", rated.helpful());
        ctx.json(body);
    }

    /**
     * {@code POST /api/conversations/{id}/satisfaction} {@code {"stars": 1-5, "comment"?}}: the
     * customer rates the service of the ticket an agent last closed; 404 without one, 409 when rated.
     */
    void satisfaction(Context ctx) {
        String id = ctx.pathParam("id");
        com.fasterxml.jackson.databind.JsonNode body = Bodies.jsonObject(Bodies.read(ctx, MessageRoutes.MAX_BODY),
                "{\"stars\": 5, \"comment\": \"很满意\"}");
        com.fasterxml.jackson.databind.JsonNode stars = body.get("stars");
        if (stars == null || !stars.isIntegralNumber() || stars.asInt() < 1 || stars.asInt() > 5) {
            throw new ApiException(400, "stars must be a whole number 1..5");
        }
        com.fasterxml.jackson.databind.JsonNode comment = body.get("comment");
        if (comment != null && !comment.isNull() && (!comment.isTextual()
                || comment.asText().length() > dev.kefu.handoff.Satisfaction.MAX_COMMENT)) {
            throw new ApiException(400, "comment must be a string of at most " + dev.kefu.handoff.Satisfaction.MAX_COMMENT
                    + " characters");
        }
        String text = comment == null || comment.isNull() || comment.asText().isBlank() ? null
                : MASKER.mask(comment.asText().strip()).text();
        dev.kefu.handoff.Satisfaction rated = tickets.rate(id, stars.asInt(), text);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ticketId", rated.ticketId());
        view.put("stars", rated.stars());
        view.put("comment", rated.comment());
        ctx.json(view);
    }

    /** {@code GET /api/agent/feedback}: per FAQ entry, answers given and ratings, worst first. */
    void perFaq(Context ctx) {
        List<Map<String, Object>> rows = feedback.perFaq().stream().map(FeedbackRoutes::row).toList();
        ctx.json(Map.of("faqs", rows));
    }

    private static Map<String, Object> row(FaqFeedback f) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("faqId", f.faqId());
        row.put("answers", f.answers());
        row.put("helpful", f.helpful());
        row.put("notHelpful", f.notHelpful());
        double rate = f.helpfulRate();
        row.put("helpfulRate", Double.isNaN(rate) ? null : Math.round(rate * 1000) / 1000.0);
        return row;
    }
}
