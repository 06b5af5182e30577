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
    private static final ObjectMapper JSON = new ObjectMapper();

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
        return root;
    }
}
