package dev.kefu.channel.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Fields of the studio's request bodies, with 400s that name the field. */
final class StudioBody {
    /** Longer than any field the corpus rules allow, so those rules give the precise message. */
    private static final int MAX_TEXT = 8_000;

    private StudioBody() {
    }

    /** A string field, present (it may be blank: the corpus rules say what a blank value breaks). */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().length() > MAX_TEXT) {
            throw new ApiException(400, field + " is required: a string of at most " + MAX_TEXT + " characters");
        }
        return value.asText();
    }

    /** A list of strings. */
    static List<String> strings(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isArray() || value.size() > 200) {
            throw new ApiException(400, field + " is required: a list of at most 200 strings");
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw new ApiException(400, field + "[" + i + "] must be a string");
            }
            strings.add(value.get(i).asText());
        }
        return strings;
    }

    /** The revision a save edits: the one the admin's copy was read at. */
    static long revision(JsonNode body) {
        return number(body, "revision");
    }

    /** A positive whole number. */
    static long number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 1) {
            throw new ApiException(400, field + " is required: a whole number >= 1");
        }
        return value.asLong();
    }
}
