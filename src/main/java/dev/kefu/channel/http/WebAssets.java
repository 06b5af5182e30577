package dev.kefu.channel.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo page, the embeddable widget and the agent console, read once from {@code web/} on the
 * classpath. Immutable.
 */
final class WebAssets {
    private final byte[] demoPage = read("web/index.html");
    private final byte[] widget = read("web/widget.js");
    private final byte[] agentConsole = read("web/agent.html");
    private final String agentConsolePolicy = consolePolicy(new String(agentConsole, StandardCharsets.UTF_8));

    void demoPage(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-cache").result(demoPage);
    }

    void widget(Context ctx) {
        ctx.contentType("application/javascript; charset=utf-8")
                .header("Cache-Control", "public, max-age=300")
                .header("Access-Control-Allow-Origin", "*")
                .result(widget);
    }

    /** The agent console: it holds the agent's token, so it may not be framed, sniffed or leak a referrer. */
    void agentConsole(Context ctx) {
        ctx.contentType("text/html; charset=utf-8")
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", agentConsolePolicy)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .result(agentConsole);
    }

    /**
     * Same-origin only, and of inline code exactly the page's own style and script blocks (tags at the
     * start of a line), allowed by their sha-256: injected markup could neither run nor send data elsewhere.
     */
    static String consolePolicy(String html) {
        return "default-src 'none'; script-src " + hashes(html, "script") + "; style-src " + hashes(html, "style")
                + "; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    private static String hashes(String html, String tag) {
        Matcher block = Pattern.compile("^<" + tag + ">(.*?)</" + tag + ">", Pattern.DOTALL | Pattern.MULTILINE).matcher(html);
        StringJoiner sources = new StringJoiner(" ");
        while (block.find()) {
            sources.add("'sha256-" + Base64.getEncoder().encodeToString(sha256(block.group(1))) + "'");
        }
        return sources.length() == 0 ? "'none'" : sources.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
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
