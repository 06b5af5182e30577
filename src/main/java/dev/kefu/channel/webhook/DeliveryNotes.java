package dev.kefu.channel.webhook;

import dev.kefu.text.TextResources;
import java.util.Map;
import java.util.Properties;

/** The texts an agent reads about an undelivered message ({@code delivery.properties}). Immutable and thread-safe. */
final class DeliveryNotes {
    private static final int SNIPPET = 30;
    private final Properties texts = TextResources.load(DeliveryNotes.class, "delivery.properties");

    /** The reason {@code key} with its {@code {name}} placeholders filled. */
    String reason(String key, Map<String, String> values) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("delivery.properties has no " + key);
        }
        return fill(text, values);
    }

    /** Whether a reason exists for {@code key} (a WeChat errcode kefu knows to be permanent). */
    boolean has(String key) {
        return texts.containsKey(key);
    }

    /** The transcript line for {@code message} not delivered because of {@code reason}. */
    String note(OutboundMessage message, String reason) {
        String text = message.text().length() > SNIPPET ? message.text().substring(0, SNIPPET) + "…" : message.text();
        return fill(texts.getProperty("note"), Map.of("reason", reason, "text", text));
    }

    private static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }
}
