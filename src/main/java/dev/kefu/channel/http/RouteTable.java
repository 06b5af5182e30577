package dev.kefu.channel.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The routes as they are registered with Javalin, remembered by path template, so that a 405 can
 * say which methods the path has ({@code Allow}). Every GET route answers HEAD as well: the same
 * headers, no body. Not thread-safe while routes are added; read-only after.
 */
final class RouteTable {
    private final Javalin app;
    private final Map<String, TreeSet<String>> methods = new LinkedHashMap<>();
    private final Map<String, Pattern> patterns = new LinkedHashMap<>();

    RouteTable(Javalin app) {
        this.app = app;
    }

    void get(String path, Handler handler) {
        add(HandlerType.GET, path, handler);
        add(HandlerType.HEAD, path, handler);
    }

    void post(String path, Handler handler) {
        add(HandlerType.POST, path, handler);
    }

    void options(String path, Handler handler) {
        add(HandlerType.OPTIONS, path, handler);
    }

    void sse(String path, Consumer<SseClient> client) {
        app.sse(path, client);
        remember("GET", path);
    }

    private void add(HandlerType type, String path, Handler handler) {
        app.addHttpHandler(type, path, handler);
        remember(type.name(), path);
    }

    private void remember(String method, String path) {
        methods.computeIfAbsent(path, p -> new TreeSet<>()).add(method);
        patterns.computeIfAbsent(path, p -> Pattern.compile(Pattern.quote(p).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")));
    }

    /** The methods {@code path} has, for {@code Allow}: "GET, HEAD, OPTIONS"; empty when no route matches. */
    String allowed(String path) {
        TreeSet<String> allowed = new TreeSet<>();
        patterns.forEach((template, pattern) -> {
            if (pattern.matcher(path).matches()) {
                allowed.addAll(methods.get(template));
            }
        });
        return String.join(", ", allowed);
    }

    /** Every path template with its methods. */
    Map<String, java.util.Set<String>> methods() {
        Map<String, java.util.Set<String>> copy = new LinkedHashMap<>();
        methods.forEach((path, set) -> copy.put(path, java.util.Set.copyOf(set)));
        return copy;
    }

    /** The 405 of {@code ctx}: {@code Allow} set from the table. */
    void setAllow(Context ctx) {
        String allowed = allowed(ctx.path());
        if (!allowed.isEmpty()) {
            ctx.header("Allow", allowed);
        }
    }
}
