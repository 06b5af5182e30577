package dev.kefu.channel.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Request bodies: read with a hard size limit whatever the Content-Length says, and parsed as JSON objects. */
final class Bodies {
    /** Duplicate keys and anything after the JSON value are errors, not silently dropped. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Bodies() {
    }

    /** At most {@code max} bytes of the body; 413 when there are more. */
    static byte[] read(Context ctx, int max) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw new ApiException(413, "body must be at most " + max + " bytes, was " + declared);
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes(max + 1);
            if (body.length > max) {
                throw new ApiException(413, "body must be at most " + max + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    /**
     * {@code body} parsed as a JSON object; 400 naming the problem otherwise. {@code example} shows
     * the expected shape in the message, e.g. {@code {"text": "退款多久到账"}}.
     */
    static JsonNode jsonObject(byte[] body, String example) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "body must be a JSON object: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(400, "body must be a JSON object");
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(400, "body must be a JSON object like " + example);
        }
        requireWholeCharacters(root);
        return root;
    }

    /**
     * 400 for a string with half a surrogate pair ({@code "\ud800"} alone): it is no character, and
     * the database would store it as {@code ?}.
     */
    private static void requireWholeCharacters(JsonNode node) {
        if (node.isTextual() && hasLoneSurrogate(node.textValue())) {
            throw new ApiException(400, "strings must be valid Unicode: a lone surrogate (half of a \\uD83D\\uDE00 pair) "
                    + "is not a character");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (hasLoneSurrogate(name)) {
                throw new ApiException(400, "keys must be valid Unicode: a lone surrogate is not a character");
            }
        });
        node.elements().forEachRemaining(Bodies::requireWholeCharacters);
    }

    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
