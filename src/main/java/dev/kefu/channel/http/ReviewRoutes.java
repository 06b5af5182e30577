package dev.kefu.channel.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kefu.auth.Accounts;
import dev.kefu.auth.Role;
import dev.kefu.studio.review.InboxCluster;
import dev.kefu.studio.review.Outcome;
import dev.kefu.studio.review.Review;
import dev.kefu.studio.review.ReviewException;
import dev.kefu.studio.review.ReviewInbox;
import dev.kefu.studio.review.ReviewItem;
import dev.kefu.studio.review.Suggestion;
import dev.kefu.text.PiiMasker;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The review inbox (admin): {@code GET /api/studio/inbox} lists the clusters, {@code POST
 * /api/studio/inbox/reviews} records what was made of a cluster or a message, which then leaves the
 * inbox. Adding the text to the knowledge base is the studio editor's own call; this records the
 * outcome, who and when. Thread-safe.
 */
final class ReviewRoutes {
    private static final PiiMasker MASKER = new PiiMasker();
    /** Messages listed per cluster; all their ids are listed, for the cluster's actions. */
    static final int EXAMPLES = 20;
    static final int MAX_IDS = 500;
    private static final int MAX_COMMENT = 500;
    private final ReviewInbox inbox;
    private final Accounts accounts;
    private final Clock clock;

    ReviewRoutes(ReviewInbox inbox, Accounts accounts, Clock clock) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code GET /api/studio/inbox}: the clusters, biggest first, and the settings that chose them. */
    void inbox(Context ctx) {
        AgentAuth.requireRole(ctx, Role.ADMIN);
        List<InboxCluster> clusters = inbox.clusters();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reviewThreshold", inbox.settings().threshold());
        body.put("similarity", inbox.settings().similarity());
        body.put("messages", clusters.stream().mapToInt(InboxCluster::size).sum());
        body.put("clusters", clusters.stream().map(ReviewRoutes::cluster).toList());
        ctx.json(body);
    }

    private static Map<String, Object> cluster(InboxCluster c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("size", c.size());
        view.put("messageIds", c.items().stream().map(ReviewItem::messageId).toList());
        view.put("suggestion", c.suggestion() == null ? null : suggestion(c.suggestion()));
        view.put("draftAnswer", c.draftAnswer());
        view.put("examples", c.items().stream().limit(EXAMPLES).map(ReviewRoutes::item).toList());
        return view;
    }

    private static Map<String, Object> suggestion(Suggestion s) {
        return Map.of("faqId", s.faqId(), "question", s.question(), "score", Math.round(s.score() * 1000) / 1000.0);
    }

    private static Map<String, Object> item(ReviewItem i) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("messageId", i.messageId());
        view.put("conversationId", i.conversationId());
        view.put("time", i.at().toString());
        view.put("text", i.text());
        view.put("action", i.action());
        view.put("reason", i.reason());
        view.put("confidence", Math.round(i.confidence() * 1000) / 1000.0);
        view.put("answerScore", i.answerScore() == null ? null : Math.round(i.answerScore() * 1000) / 1000.0);
        view.put("faqId", i.faqId());
        view.put("thumbsDown", i.thumbsDown());
        view.put("agentAnswer", i.agentAnswer());
        return view;
    }

    /**
     * {@code POST /api/studio/inbox/reviews} {@code {"messageIds": [..], "outcome", "faqId"?, "comment"?}}
     * → 201; 400 naming the field, 404 for a message that is not a user message, 409 when one was
     * reviewed already (nothing of the review is kept then).
     */
    void review(Context ctx) {
        Actor admin = AgentAuth.requireRole(ctx, Role.ADMIN);
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(),
                "{\"messageIds\": [12, 15], \"outcome\": \"dismissed\", \"comment\": \"不是业务问题\"}");
        List<Long> ids = ids(body.get("messageIds"));
        JsonNode outcomeNode = body.get("outcome");
        Outcome outcome = outcomeNode != null && outcomeNode.isTextual()
                ? Outcome.named(outcomeNode.asText()).orElse(null) : null;
        if (outcome == null) {
            throw new ApiException(400, "outcome must be added_to_entry, new_entry, out_of_scope or dismissed");
        }
        String faqId = optionalText(body, "faqId", 100);
        if (outcome.needsEntry() != (faqId != null)) {
            throw new ApiException(400, outcome.needsEntry() ? "faqId is required for " + outcome.wireName()
                    : "faqId is only for added_to_entry and new_entry, not " + outcome.wireName());
        }
        String comment = optionalText(body, "comment", MAX_COMMENT);
        Review review = new Review(ids, outcome, faqId, admin.login(),
                comment == null ? null : MASKER.mask(comment).text(), clock.instant());
        try {
            inbox.review(review);
        } catch (ReviewException e) {
            throw new ApiException(e.conflict() ? 409 : 404, e.getMessage());
        }
        accounts.record(admin.login(), "review_" + outcome.wireName(), ids.size() + " messages");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reviewed", ids);
        answer.put("outcome", outcome.wireName());
        answer.put("faqId", faqId);
        answer.put("reviewer", admin.login());
        answer.put("at", review.at().toString());
        ctx.status(201).json(answer);
    }

    /** The entry the answer ranker of {@code engine} finds best for {@code masked}, if any. */
    static java.util.Optional<Suggestion> suggest(dev.kefu.dialog.ChatEngine engine, String masked) {
        var answers = engine.analyzer().analyze(PiiMasker.forReading(masked)).ranking().answers();
        return answers.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new Suggestion(
                answers.get(0).entry().id(), answers.get(0).entry().question(), answers.get(0).score()));
    }

    private static List<Long> ids(JsonNode list) {
        String shape = "messageIds must be a list of 1 to " + MAX_IDS + " distinct message ids (positive whole numbers)";
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_IDS) {
            throw new ApiException(400, shape);
        }
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        for (JsonNode id : list) {
            if (!id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() <= 0 || !ids.add(id.asLong())) {
                throw new ApiException(400, shape + ", found " + id);
            }
        }
        return new ArrayList<>(ids);
    }

    private static String optionalText(JsonNode body, String field, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > max) {
            throw new ApiException(400, field + " must be a non-blank string of at most " + max + " characters");
        }
        return value.asText().strip();
    }
}
