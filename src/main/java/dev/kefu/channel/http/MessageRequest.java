package dev.kefu.channel.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kefu.dialog.ChatEngine;

/**
 * A validated {@code POST /api/messages} body: {@code {"conversationId"?: string, "text": string}}.
 * Every rejection names the field and the rule.
 */
record MessageRequest(String conversationId, String text) {
    static final int MAX_CONVERSATION_ID = 64;

    static MessageRequest parse(byte[] body) {
        JsonNode root = Bodies.jsonObject(body, "{\"text\": \"退款多久到账\"}");
        return new MessageRequest(conversationId(root.get("conversationId")), text(root.get("text")));
    }

    private static String conversationId(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new ApiException(400, "conversationId must be a string");
        }
        String id = node.asText();
        if (id.length() > MAX_CONVERSATION_ID) {
            throw new ApiException(400, "conversationId must be at most " + MAX_CONVERSATION_ID + " characters");
        }
        return id.isBlank() ? null : id;
    }

    /** The validated message text of {@code node} (the {@code text} field). */
    static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new ApiException(400, "text is required");
        }
        if (!node.isTextual()) {
            throw new ApiException(400, "text must be a string");
        }
        String text = node.asText();
        if (text.isBlank()) {
            throw new ApiException(400, "text must not be blank");
        }
        int length = text.codePointCount(0, text.length());
        if (length > ChatEngine.MAX_CHARS) {
            throw new ApiException(400, "text must be at most " + ChatEngine.MAX_CHARS + " characters, was " + length);
        }
        return text;
    }
}
