package dev.kefu.channel.http;

import io.javalin.http.Context;
import java.util.Objects;
import java.util.Set;

/**
 * What every public request passes through: the per-client rate limit (429 with
 * {@code Retry-After}), the CORS policy (only configured origins may call the API from a browser;
 * {@code *} allows any) and the security headers of pages. Thread-safe.
 */
final class Guards {
    /** The demo page inlines its script and styles; everything else comes from this origin. */
    static final String PAGE_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'";

    private final RateLimiter limiter;
    private final RateLimiter newConversations;
    private final Set<String> origins;
    private final boolean anyOrigin;

    Guards(HttpServer.Limits limits) {
        Objects.requireNonNull(limits, "limits");
        this.limiter = new RateLimiter(limits.ratePerSecond(), limits.burst());
        // The whole hour's allowance may be used at once; it refills evenly over the hour.
        this.newConversations = new RateLimiter(limits.conversationsPerHour() / 3600.0, limits.conversationsPerHour());
        this.origins = Set.copyOf(limits.corsOrigins());
        this.anyOrigin = origins.contains("*");
    }

    /** Before public routes: takes a token or answers 429. */
    void rateLimit(Context ctx) {
        long wait = limiter.acquire(ctx.ip(), System.nanoTime());
        if (wait > 0) {
            ctx.header("Retry-After", String.valueOf(wait));
            throw new ApiException(429, "too many requests from this client; retry after " + wait + " s");
        }
    }

    /** Before a new conversation is started from the web API: 429 once the client's hourly cap is used up. */
    void newConversation(Context ctx) {
        long wait = newConversations.acquire(ctx.ip(), System.nanoTime());
        if (wait > 0) {
            ctx.header("Retry-After", String.valueOf(wait));
            throw new ApiException(429, "too many new conversations from this client; continue an existing one "
                    + "(send its conversationId) or retry after " + wait + " s");
        }
    }

    /** Before {@code /api/*}: CORS headers for an allowed origin; a preflight from another origin is 403. */
    void cors(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        if (anyOrigin) {
            ctx.header("Access-Control-Allow-Origin", "*");
        } else if (origins.contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Vary", "Origin");
        } else {
            if (ctx.method().name().equals("OPTIONS")) {
                throw new ApiException(403, "origin " + origin + " may not call this API (see --cors-origins)");
            }
            return;
        }
        ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", "Content-Type, Authorization, X-Kefu-Agent");
        ctx.header("Access-Control-Max-Age", "600");
    }

    /** After every request: headers no response should lack. */
    static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    /** Headers of the demo page. */
    static void pageHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", PAGE_CSP);
    }

    void evictIdle() {
        limiter.evictIdle(System.nanoTime());
        newConversations.evictIdle(System.nanoTime());
    }
}
