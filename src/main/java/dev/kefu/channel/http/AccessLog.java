package dev.kefu.channel.http;

import io.javalin.http.Context;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** After every request: one access-log line, the request metrics (not for event streams) and inbound messages by channel. */
final class AccessLog {
    private static final Logger ACCESS = LoggerFactory.getLogger("kefu.access");
    private final HttpMetrics metrics;

    AccessLog(HttpMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * One access-log line per request. It names the route template, never the path or the query
     * string: {@code ?ticket=} and the deprecated {@code ?access_token=} must stay out of logs.
     */
    void log(Context ctx, Float millis) {
        String route = route(ctx);
        if (!route.equals("/api/conversations/{id}/events") && !route.equals(AgentRoutes.EVENTS)) {
            metrics.request(route, ctx.method().name(), ctx.statusCode(), millis); // a stream lasts as long as the page
        }
        String channel = ctx.statusCode() != 200 || !ctx.method().name().equals("POST") ? null : switch (route) {
            case "/api/messages" -> "web";
            case "/webhook/wechat" -> "wechat";
            case "/webhook/generic" -> "generic";
            default -> null;
        };
        if (channel != null) {
            metrics.countInbound(channel);
        }
        ACCESS.info("method={} route={} status={} ms={} ip={}", ctx.method(), route, ctx.statusCode(),
                String.format(java.util.Locale.ROOT, "%.2f", millis), ctx.ip());
    }

    /** The route template ({@code /api/conversations/{id}/messages}), so that metrics do not explode per id. */
    static String route(Context ctx) {
        try {
            String path = ctx.endpointHandlerPath();
            return path == null || path.isEmpty() || path.equals("*") ? "unmatched" : path;
        } catch (IllegalStateException e) {
            return "unmatched"; // no endpoint ran: 404, 405 or a request stopped in a before-handler
        }
    }
}
