package dev.kefu.channel.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The demo page and the embeddable widget, read once from {@code web/} on the classpath. Immutable. */
final class WebAssets {
    private final byte[] demoPage = read("web/index.html");
    private final byte[] widget = read("web/widget.js");

    void demoPage(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-cache").result(demoPage);
    }

    void widget(Context ctx) {
        ctx.contentType("application/javascript; charset=utf-8")
                .header("Cache-Control", "public, max-age=300")
                .header("Access-Control-Allow-Origin", "*")
                .result(widget);
    }

    private static byte[] read(String resource) {
        try (InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
