package dev.kefu.channel.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own errors, which it answers before kefu's routes run (a bad path byte, headers too
 * large → 431, an unknown HTTP version → 505, a request cut off by its deadline): JSON
 * {@code {"error": …}} with the security headers, like every other error, instead of an HTML page.
 */
final class JsonErrors extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        fields.put("X-Content-Type-Options", "nosniff");
        fields.put("Referrer-Policy", "no-referrer");
        return ByteBuffer.wrap(json(reason == null ? "bad request (HTTP " + status + ")" : reason));
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        base.setHandled(true);
        write(response, response.getStatus(), message == null ? "HTTP " + response.getStatus() : message.toString());
    }

    /** Writes {@code {"error": message}} with {@code status} and the security headers. */
    static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        byte[] body = json(message);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static byte[] json(String message) {
        StringBuilder out = new StringBuilder("{\"error\":\"");
        for (char c : message.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
