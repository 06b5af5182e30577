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

    /**
     * Before {@code /api/*}: CORS headers for an allowed origin; any request from another origin is
     * 403 (a page's own origin, the demo page's, is always allowed). A browser sends a
     * {@code text/plain} POST without asking first, so the refusal cannot wait for a preflight.
     */
    void cors(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || sameOrigin(origin, ctx.header("Host"))) {
            return;
        }
        if (anyOrigin) {
            ctx.header("Access-Control-Allow-Origin", "*");
        } else if (origins.contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Vary", "Origin");
        } else {
            throw new ApiException(403, "origin " + origin + " may not call this API (see --cors-origins)");
        }
        ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", "Content-Type, Authorization, X-Kefu-Agent");
        ctx.header("Access-Control-Max-Age", "600");
    }

    private static boolean sameOrigin(String origin, String host) {
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    /** Before routes that take a body: a {@code Content-Encoding} kefu does not decode is 415. */
    static void requireIdentityEncoding(Context ctx) {
        String encoding = ctx.header("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw new ApiException(415, "Content-Encoding " + encoding.strip() + " is not supported; send the body "
                    + "uncompressed");
        }
    }

    /** Before the public JSON POSTs: anything but {@code Content-Type: application/json} is 415. */
    static void requireJson(Context ctx) {
        if (!ctx.method().name().equals("POST")) {
            return;
        }
        String type = ctx.header("Content-Type");
        if (type == null || !type.strip().toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "Content-Type must be application/json, was " + (type == null ? "none" : type));
        }
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
