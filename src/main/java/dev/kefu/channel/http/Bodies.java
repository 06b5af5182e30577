package dev.kefu.channel.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Request bodies read with a hard size limit, whatever the Content-Length says. */
final class Bodies {
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
}
