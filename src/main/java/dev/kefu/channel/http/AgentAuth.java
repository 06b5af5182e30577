package dev.kefu.channel.http;

import dev.kefu.auth.Accounts;
import dev.kefu.auth.Role;
import dev.kefu.auth.Session;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use the agent API: an account's session (the HttpOnly cookie {@value #SESSION_COOKIE},
 * with the session's CSRF token in {@value #CSRF_HEADER} on every request that is not a GET), or,
 * for machines, a bearer token compared in constant time (both sides are hashed
 * first, so neither the length nor a prefix leaks). The token is never logged. Machines name
 * themselves with {@code X-Kefu-Agent}. The event stream, which a browser opens without headers,
 * takes a short-lived {@link StreamTickets stream ticket} instead. A client IP that sends
 * {@value #FAILURE_BURST} wrong tokens is answered 429 for a while without its tokens being looked
 * at, then may try one more every {@value #SECONDS_PER_FAILURE} s. Thread-safe.
 */
final class AgentAuth {
    static final String AGENT_HEADER = "X-Kefu-Agent";
    static final String SESSION_COOKIE = "kefu_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String ACTOR = "kefu.actor";
    /** The error code of a 401 while no {@code KEFU_AGENT_TOKEN} is set: no token can work. */
    static final String DISABLED = "agent_api_disabled";
    /** The error code of a 401 for a missing or wrong token while the agent API is on. */
    static final String WRONG_TOKEN = "wrong_agent_token";
    private static final Logger LOG = LoggerFactory.getLogger(AgentAuth.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9 ._-]{1,40}");
    static final int FAILURE_BURST = 10;
    static final int SECONDS_PER_FAILURE = 6;
    private final byte[] expected;
    private final RateLimiter failures = new RateLimiter(1.0 / SECONDS_PER_FAILURE, FAILURE_BURST);
    private final StreamTickets tickets;
    private final Accounts accounts;
    /** The deprecated {@code ?access_token=} is reported once per process, not once per connection. */
    private final AtomicBoolean tokenInUrlReported = new AtomicBoolean();

    /**
     * {@code token} null or blank disables machine access (sessions of {@code accounts} still work);
     * {@code clock} tells stream tickets' expiry.
     */
    AgentAuth(String token, Accounts accounts, Clock clock) {
        this.accounts = java.util.Objects.requireNonNull(accounts, "accounts");
        boolean disabled = token == null || token.isBlank();
        this.expected = disabled ? null : sha256(token.strip());
        this.tickets = disabled ? null : new StreamTickets(token, clock);
    }

    /** Who sends {@code ctx}: its session, else its bearer token; 401 without either, 403 without the CSRF token. */
    Actor authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null && ctx.cookie(SESSION_COOKIE) != null) {
            Actor actor = session(ctx);
            String method = ctx.method().name();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                requireCsrf(ctx, actor);
            }
            return actor;
        }
        requireEnabled();
        requireToken(ctx, header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : null);
        String name = name(ctx);
        return new Actor(name, name, Role.AGENT, null);
    }

    /** The account of the session cookie; 401 when there is none or it ended (logout, expiry, removal). */
    Actor session(Context ctx) {
        Session session = accounts.session(ctx.cookie(SESSION_COOKIE)).orElseThrow(() ->
                new ApiException(401, "not logged in, or the session ended: log in again at /agent/login"));
        return new Actor(session.account().login(), session.account().displayName(), session.account().role(),
                session.csrfToken());
    }

    private static void requireCsrf(Context ctx, Actor actor) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                actor.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(403, "missing or wrong " + CSRF_HEADER + ": send the csrfToken of GET /api/auth/me");
        }
    }

    /** Remembers who sends {@code ctx}, for {@link #actor} and {@link #requireRole}. */
    static void remember(Context ctx, Actor actor) {
        ctx.attribute(ACTOR, actor);
    }

    /** Who sends {@code ctx} (authenticated before). */
    static Actor actor(Context ctx) {
        return java.util.Objects.requireNonNull(ctx.attribute(ACTOR), "authenticated agent");
    }

    /** The actor of {@code ctx} when it has {@code role}; 403 otherwise (the machine token is never an admin). */
    static Actor requireRole(Context ctx, Role role) {
        Actor actor = actor(ctx);
        if (!actor.role().covers(role)) {
            throw new ApiException(403, "this needs the " + role.wireName() + " role; "
                    + (actor.hasAccount() ? actor.login() + " is " + actor.role().wireName() : "log in with an account"));
        }
        return actor;
    }

    /**
     * The agent's name, for the event stream: from {@code ?ticket=} (a stream ticket, bound to the
     * agent it was issued to), else the bearer token, else the deprecated {@code ?access_token=}.
     */
    Actor authenticateStream(Context ctx) {
        if (ctx.cookie(SESSION_COOKIE) != null && ctx.queryParam("ticket") == null) {
            return session(ctx); // EventSource sends the cookie of its own origin
        }
        requireEnabled();
        String ticket = ctx.queryParam("ticket");
        if (ticket != null) {
            String agent = tickets.verify(ticket);
            String claimed = claimedName(ctx);
            if (claimed != null && !claimed.strip().equals(agent)) {
                throw new ApiException(401, "this stream ticket was issued to another agent");
            }
            return new Actor(agent, agent, Role.AGENT, null);
        }
        String token = ctx.queryParam("access_token");
        if (ctx.header("Authorization") != null || token == null) {
            return authenticate(ctx);
        }
        requireToken(ctx, token);
        if (tokenInUrlReported.compareAndSet(false, true)) {
            LOG.warn("an agent event stream was opened with ?access_token= (deprecated, to be removed): the agent token "
                    + "is then in URLs; clients should use a ticket from POST /api/agent/stream-ticket instead");
        }
        String name = name(ctx);
        return new Actor(name, name, Role.AGENT, null);
    }

    /** A stream ticket for {@code agent} (authenticated before). */
    String streamTicket(String agent) {
        requireEnabled();
        return tickets.issue(agent);
    }

    private void requireEnabled() {
        if (expected == null) {
            throw new ApiException(401, DISABLED, "machine access to the agent API is off (start kefu with "
                    + "KEFU_AGENT_TOKEN set); agents log in at /agent/login");
        }
    }

    private void requireToken(Context ctx, String token) {
        long wait = failures.waitFor(ctx.ip(), System.nanoTime());
        if (wait > 0) {
            ctx.header("Retry-After", String.valueOf(wait));
            throw new ApiException(429, "too many wrong agent tokens from this client; retry after " + wait + " s");
        }
        if (token == null || !MessageDigest.isEqual(sha256(token), expected)) {
            failures.acquire(ctx.ip(), System.nanoTime());
            throw new ApiException(401, WRONG_TOKEN, "missing or wrong agent token (Authorization: Bearer <KEFU_AGENT_TOKEN>)");
        }
    }

    /** Forgets clients whose wrong tokens are long enough ago. */
    void evictIdle() {
        failures.evictIdle(System.nanoTime());
    }

    /** The name the request gives, from the header or {@code ?agent=}; null when it gives none. */
    private static String claimedName(Context ctx) {
        String name = ctx.header(AGENT_HEADER);
        if (name == null || name.isBlank()) {
            name = ctx.queryParam("agent");
        }
        return name == null || name.isBlank() ? null : name;
    }

    private static String name(Context ctx) {
        String name = claimedName(ctx);
        if (name == null) {
            return "agent";
        }
        if (!NAME.matcher(name.strip()).matches()) {
            throw new ApiException(400, AGENT_HEADER + " must be 1-40 ASCII letters, digits, spaces, '.', '_' or '-'");
        }
        return name.strip();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
