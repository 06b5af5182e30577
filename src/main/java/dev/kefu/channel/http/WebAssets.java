package dev.kefu.channel.http;

import dev.kefu.dialog.ReplyRenderer;
import dev.kefu.faq.FaqEntry;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo page, the embeddable widget (a one-tag loader and its ES modules under {@code web/widget/})
 * and the agent console's pages with their ES modules under {@code web/agent/}, read from
 * {@code web/} on the classpath (each file once). Thread-safe.
 */
final class WebAssets {
    /**
     * A file name of the widget's or the console's static files: no slashes or dots besides the
     * extension, so nothing outside {@code web/widget/} or {@code web/agent/} is reachable.
     */
    private static final Pattern STATIC_FILE = Pattern.compile("[a-z][a-z0-9-]*\\.(js|css)");
    private static final Map<String, String> TYPES = Map.of("js", "application/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    /** Where the demo page shows the hotline (header and contact section). */
    private static final String HOTLINE = "{{hotline}}";
    private final String demoTemplate = new String(read("web/index.html"), StandardCharsets.UTF_8);
    private final byte[] demoPage;
    private final byte[] widget = read("web/widget.js");
    private final byte[] agentConsole = read("web/agent/index.html");
    private final Map<String, byte[]> widgetFiles = new ConcurrentHashMap<>();
    /** A studio file name: pages, modules and style sheets directly under web/studio/. */
    private static final Pattern STUDIO_FILE = Pattern.compile("[a-z][a-z0-9-]*\\.(js|css|html)");
    private final Map<String, byte[]> studioFiles = new ConcurrentHashMap<>();
    private final byte[] loginPage = read("web/agent/login.html");
    private final byte[] reportsPage = read("web/agent/reports.html");
    /** The ES modules and style sheets of the console pages under {@code /agent/assets/}, as they are asked for. */
    private final Map<String, byte[]> agentFiles = new ConcurrentHashMap<>();
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
        Matcher file = STATIC_FILE.matcher(name);
        byte[] body = file.matches() ? widgetFiles.computeIfAbsent(name, n -> resource("web/widget/" + n)) : null;
        if (body == null) {
            throw new ApiException(404, "no widget file " + name + "; the widget is embedded with /widget.js");
        }
        ctx.contentType(TYPES.get(file.group(1)))
                .header("Cache-Control", "public, max-age=300")
                .header("Access-Control-Allow-Origin", "*")
                .result(body);
    }

    /** The file's bytes, or null when there is no such file (not cached: unknown names cannot fill the map). */
    private static byte[] resource(String path) {
        try (InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code GET /agent}: the agent console, static markup that loads its modules from
     * {@code /agent/assets/}. It holds the agent's session, so it may not be framed, sniffed or
     * leak a referrer, and runs no script but its own files.
     */
    void agentConsole(Context ctx) {
        pageHeaders(ctx).header("Content-Security-Policy", MODULE_PAGE_POLICY)
                .contentType("text/html; charset=utf-8").result(agentConsole);
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

    /**
     * {@code GET /agent/assets/{file}}: a module or style sheet of the console pages (a file of
     * {@code web/agent/} whose name matches the widget's pattern: no page, nothing outside); 404 otherwise.
     */
    void agentAsset(Context ctx) {
        String name = ctx.pathParam("file");
        Matcher file = STATIC_FILE.matcher(name);
        byte[] body = file.matches() ? agentFiles.computeIfAbsent(name, n -> resource("web/agent/" + n)) : null;
        if (body == null) {
            throw new ApiException(404, "no asset " + name);
        }
        ctx.contentType(file.group(1).equals("js") ? "text/javascript; charset=utf-8" : TYPES.get("css"))
                .header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff").result(body);
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
