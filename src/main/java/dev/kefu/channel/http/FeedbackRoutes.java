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

    FeedbackRoutes(HttpServer.Parts parts, HttpMetrics metrics) {
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
