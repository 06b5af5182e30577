package dev.kefu.studio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kefu.faq.FaqEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The content of an item as the change log keeps it (before and after): JSON of the fields an
 * admin edits, in the shape of the HTTP bodies. Thread-safe.
 */
final class KbJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KbJson() {
    }

    static String of(FaqEntry entry) {
        ObjectNode node = JSON.createObjectNode().put("id", entry.id()).put("intent", entry.intent())
                .put("question", entry.question());
        entry.paraphrases().forEach(node.putArray("paraphrases")::add);
        return write(node.put("answer", entry.answer()));
    }

    static String of(ExampleDraft example) {
        ObjectNode node = JSON.createObjectNode().put("intent", example.intent()).put("text", example.text());
        example.faqIds().forEach(node.putArray("faqIds")::add);
        return write(node);
    }

    static FaqEntry entry(String json) {
        JsonNode node = read(json);
        return new FaqEntry(node.get("id").asText(), node.get("intent").asText(), node.get("question").asText(),
                strings(node.get("paraphrases")), node.get("answer").asText());
    }

    static ExampleDraft example(String json) {
        JsonNode node = read(json);
        return new ExampleDraft(node.get("intent").asText(), node.get("text").asText(), strings(node.get("faqIds")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON of a knowledge-base item", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the change log holds JSON that does not parse: " + e.getMessage(), e);
        }
    }
}
