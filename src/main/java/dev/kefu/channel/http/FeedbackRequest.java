package dev.kefu.channel.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kefu.feedback.Rating;
import java.util.regex.Pattern;

/**
 * A validated {@code POST /api/conversations/{id}/feedback} body:
 * {@code {"messageId"?: integer, "faqId"?: string, "helpful": boolean}}, with at least one of
 * {@code messageId} and {@code faqId}. Every rejection names the field and the rule.
 */
final class FeedbackRequest {
    private static final Pattern FAQ_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private FeedbackRequest() {
    }

    static Rating parse(String conversationId, byte[] body) {
        JsonNode root = Bodies.jsonObject(body, "{\"faqId\": \"refund-time\", \"helpful\": true}");
        Long messageId = messageId(root.get("messageId"));
        String faqId = faqId(root.get("faqId"));
        if (messageId == null && faqId == null) {
            throw new ApiException(400, "messageId or faqId is required: which answer is rated");
        }
        return new Rating(conversationId, messageId, faqId, helpful(root.get("helpful")));
    }

    private static Long messageId(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 1) {
            throw new ApiException(400, "messageId must be a positive integer, was " + node);
        }
        return node.asLong();
    }

    private static String faqId(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || !FAQ_ID.matcher(node.asText()).matches()) {
            throw new ApiException(400, "faqId must be an FAQ id such as \"refund-time\" (a-z, 0-9 and -, "
                    + "at most 64 characters), was " + abbreviate(node.toString()));
        }
        return node.asText();
    }

    private static boolean helpful(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new ApiException(400, "helpful is required: true or false");
        }
        if (!node.isBoolean()) {
            throw new ApiException(400, "helpful must be true or false, was " + abbreviate(node.toString()));
        }
        return node.asBoolean();
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
