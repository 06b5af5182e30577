package dev.kefu.channel.http;

import dev.kefu.dialog.ReplyRenderer;
import dev.kefu.faq.FaqEntry;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo page, the embeddable widget (a one-tag loader and its ES modules under {@code web/widget/})
 * and the agent console, read once from {@code web/} on the classpath. Thread-safe.
 */
final class WebAssets {
    /** A widget file name: no slashes or dots besides the extension, so nothing outside web/widget/ is reachable. */
    private static final Pattern WIDGET_FILE = Pattern.compile("[a-z][a-z0-9-]*\\.(js|css)");
    private static final Map<String, String> TYPES = Map.of("js", "application/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    /** Where the demo page shows the hotline (header and contact section). */
    private static final String HOTLINE = "{{hotline}}";
    private final String demoTemplate = new String(read("web/index.html"), StandardCharsets.UTF_8);
    private final byte[] demoPage;
    private final byte[] widget = read("web/widget.js");
    private final byte[] agentConsole = read("web/agent.html");
    private final Map<String, byte[]> widgetFiles = new ConcurrentHashMap<>();
    /** A studio file name: pages, modules and style sheets directly under web/studio/. */
    private static final Pattern STUDIO_FILE = Pattern.compile("[a-z][a-z0-9-]*\\.(js|css|html)");
    private final Map<String, byte[]> studioFiles = new ConcurrentHashMap<>();
    private final String agentConsolePolicy = consolePolicy(new String(agentConsole, StandardCharsets.UTF_8));
    private final byte[] loginPage = read("web/agent/login.html");
    /** The files under {@code /agent/assets/}: ES modules and style sheets, by name. */
    private final byte[] reportsPage = read("web/agent/reports.html");
    private final java.util.Map<String, byte[]> agentAssets = java.util.Map.of(
            "login.js", read("web/agent/login.js"), "login.css", read("web/agent/login.css"),
            "reports.js", read("web/agent/reports.js"), "reports.css", read("web/agent/reports.css"),
            "report-format.js", read("web/agent/report-format.js"),
            // the unit tests of the pure module, run by the browser tests: static, harmless in production
            "report-format-test.html", read("web/agent/report-format-test.html"),
            "report-format-test.js", read("web/agent/report-format-test.js"));
    /** Pages made of static files only: no inline code at all. */
    static final String MODULE_PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The assets, with the demo page showing the hotline setting ({@code null} when unset) as answers show it. */
    WebAssets(String hotline) {
        this.demoPage = demoTemplate.replace(HOTLINE, escape(asAnswered(hotline))).getBytes(StandardCharsets.UTF_8);
    }

    /** What an answer says for {@code {hotline}}, from the renderer the bot uses, so page and bot agree. */
    static String asAnswered(String hotline) {
        FaqEntry probe = new FaqEntry("hotline", "contact_hotline", "hotline", List.of(), "{hotline}");
        return new ReplyRenderer(hotline).filled(probe).answer();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    void demoPage(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-cache").result(demoPage);
    }

    void widget(Context ctx) {
        ctx.contentType("application/javascript; charset=utf-8")
                .header("Cache-Control", "public, max-age=300")
                .header("Access-Control-Allow-Origin", "*")
                .result(widget);
    }

    /** {@code GET /widget/{file}}: a module or the style sheet of the widget, for any page that embeds it. */
    void widgetFile(Context ctx) {
        String name = ctx.pathParam("file");
        Matcher file = WIDGET_FILE.matcher(name);
        byte[] body = file.matches() ? widgetFiles.computeIfAbsent(name, WebAssets::widgetResource) : null;
        if (body == null) {
            throw new ApiException(404, "no widget file " + name + "; the widget is embedded with /widget.js");
        }
        ctx.contentType(TYPES.get(file.group(1)))
                .header("Cache-Control", "public, max-age=300")
                .header("Access-Control-Allow-Origin", "*")
                .result(body);
    }

    /** The file's bytes, or null when there is no such file (not cached: unknown names cannot fill the map). */
    private static byte[] widgetResource(String name) {
        return resource("web/widget/" + name);
    }

    /** The resource's bytes, or null when there is none. */
    private static byte[] resource(String path) {
        try (InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** {@code GET /agent/login}: the account login page. */
    void loginPage(Context ctx) {
        pageHeaders(ctx).header("Content-Security-Policy", MODULE_PAGE_POLICY)
                .contentType("text/html; charset=utf-8").result(loginPage);
    }

    /** {@code GET /agent/reports}: the admins' report page (the data comes from {@code /api/agent/reports}). */
    void reportsPage(Context ctx) {
        pageHeaders(ctx).header("Content-Security-Policy", MODULE_PAGE_POLICY)
                .contentType("text/html; charset=utf-8").result(reportsPage);
    }

    /** {@code GET /agent/assets/{file}}: a module or style sheet of the console pages; 404 for any other name. */
    void agentAsset(Context ctx) {
        String name = ctx.pathParam("file");
        byte[] file = agentAssets.get(name);
        if (file == null) {
            throw new ApiException(404, "no asset " + name);
        }
        if (name.endsWith(".html")) {
            pageHeaders(ctx).header("Content-Security-Policy", MODULE_PAGE_POLICY);
        }
        ctx.contentType(name.endsWith(".js") ? "text/javascript; charset=utf-8" : name.endsWith(".css")
                ? "text/css; charset=utf-8" : "text/html; charset=utf-8")
                .header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff").result(file);
    }

    /**
     * {@code GET /studio/} and {@code /studio/{file}}: the studio's pages (static, no inline code:
     * the strict module policy), ES modules and style sheets; 404 for any other name.
     */
    void studioFile(Context ctx, String name) {
        Matcher file = STUDIO_FILE.matcher(name);
        byte[] body = file.matches() ? studioFiles.computeIfAbsent(name, n -> resource("web/studio/" + n)) : null;
        if (body == null) {
            throw new ApiException(404, "no studio file " + name);
        }
        String type = file.group(1);
        if (type.equals("html")) {
            pageHeaders(ctx).header("Content-Security-Policy", MODULE_PAGE_POLICY);
        }
        ctx.contentType(type.equals("js") ? "text/javascript; charset=utf-8" : type.equals("css")
                ? "text/css; charset=utf-8" : "text/html; charset=utf-8")
                .header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff").result(body);
    }

    private static Context pageHeaders(Context ctx) {
        return ctx.header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer").header("X-Frame-Options", "DENY");
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
