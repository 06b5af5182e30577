package dev.kefu.channel.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kefu.auth.Account;
import dev.kefu.auth.AccountException;
import dev.kefu.auth.Accounts;
import dev.kefu.auth.NewAccount;
import dev.kefu.auth.Role;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Logging in and out ({@code /api/auth/…}) and, for admins, the accounts ({@code /api/agent/accounts}).
 * Wrong passwords are throttled per login and per client IP: after {@value #ACCOUNT_BURST} wrong
 * ones for a login (or {@value #IP_BURST} from an address) the answer is 429 with
 * {@code Retry-After}, before any password is checked. Thread-safe.
 */
final class AccountRoutes {
    static final int ACCOUNT_BURST = 5;
    static final int ACCOUNT_SECONDS_PER_FAILURE = 60;
    static final int IP_BURST = 20;
    static final int IP_SECONDS_PER_FAILURE = 6;
    private final Accounts accounts;
    private final AgentAuth auth;
    private final Assigner assigner;
    private final RateLimiter perAccount = new RateLimiter(1.0 / ACCOUNT_SECONDS_PER_FAILURE, ACCOUNT_BURST);
    private final RateLimiter perIp = new RateLimiter(1.0 / IP_SECONDS_PER_FAILURE, IP_BURST);

    AccountRoutes(Accounts accounts, AgentAuth auth, Assigner assigner) {
        this.assigner = Objects.requireNonNull(assigner, "assigner");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.auth = Objects.requireNonNull(auth, "auth");
    }

    /** {@code POST /api/auth/login} {@code {"login", "password"}}: sets the session cookie; the body has the CSRF token. */
    void login(Context ctx) {
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(), "{\"login\": \"lina\", \"password\": \"…\"}");
        String login = string(body, "login").strip().toLowerCase(Locale.ROOT);
        String password = string(body, "password");
        long now = System.nanoTime();
        long wait = Math.max(perAccount.waitFor(login, now), perIp.waitFor(ctx.ip(), now));
        if (wait > 0) {
            ctx.header("Retry-After", String.valueOf(wait));
            throw new ApiException(429, "too many wrong passwords for this login or from this address; retry after "
                    + wait + " s");
        }
        Accounts.LoggedIn in = accounts.login(login, password).orElse(null);
        if (in == null) {
            perAccount.acquire(login, now);
            perIp.acquire(ctx.ip(), now);
            throw new ApiException(401, "wrong login or password");
        }
        ctx.header("Set-Cookie", cookie(ctx, in.token(), Accounts.SESSION_TTL.toSeconds()));
        ctx.header("Cache-Control", "no-store");
        accounts.record(in.session().account().login(), "login", null);
        Map<String, Object> view = view(in.session().account());
        view.put("csrfToken", in.session().csrfToken());
        ctx.json(view);
    }

    /** {@code GET /api/auth/me}: the account of the session and its CSRF token; 401 when not logged in. */
    void me(Context ctx) {
        Actor actor = auth.session(ctx);
        ctx.header("Cache-Control", "no-store");
        Map<String, Object> view = view(accounts.store().find(actor.login()).orElseThrow());
        view.put("csrfToken", actor.csrfToken());
        ctx.json(view);
    }

    /** {@code POST /api/auth/logout}: ends the session (CSRF token required) and clears the cookie. */
    void logout(Context ctx) {
        Actor actor = auth.authenticate(ctx);
        if (!actor.hasAccount()) {
            throw new ApiException(400, "logout is for sessions; the bearer token has none");
        }
        accounts.logout(ctx.cookie(AgentAuth.SESSION_COOKIE));
        accounts.store().setPresence(actor.login(), dev.kefu.auth.Presence.OFFLINE);
        // nobody is left to answer them: every chat of the agent goes back to the queue
        int released = assigner.release(actor.login(), false).size();
        accounts.record(actor.login(), "logout", null);
        ctx.header("Set-Cookie", cookie(ctx, "", 0));
        ctx.json(Map.of("loggedOut", true, "released", released));
    }

    /** {@code GET /api/agent/accounts}: every live account with its presence, for any agent (whom to transfer to). */
    void list(Context ctx) {
        ctx.json(Map.of("accounts", accounts.store().list().stream().map(AccountRoutes::view).toList()));
    }

    /** {@code POST /api/agent/accounts} (admin) {@code {"login", "displayName", "password", "role", "maxChats"?}} → 201. */
    void create(Context ctx) {
        Actor admin = AgentAuth.requireRole(ctx, Role.ADMIN);
        JsonNode body = Bodies.jsonObject(ctx.bodyAsBytes(),
                "{\"login\": \"lina\", \"displayName\": \"李娜\", \"password\": \"…\", \"role\": \"agent\"}");
        JsonNode max = body.get("maxChats");
        if (max != null && !max.isIntegralNumber()) {
            throw new AccountException("maxChats", "maxChats must be a whole number 1..50");
        }
        String role = optional(body, "role");
        Account account = accounts.create(new NewAccount(optional(body, "login"), optional(body, "displayName"),
                optional(body, "password"), Role.ofWire(role == null ? "agent" : role),
                max == null ? NewAccount.DEFAULT_MAX_CHATS : max.asInt()));
        accounts.record(admin.login(), "account_create", account.login());
        ctx.status(201).json(view(account));
    }

    /** {@code POST /api/agent/accounts/{login}/remove} (admin): the account's sessions end at once. */
    void remove(Context ctx) {
        Actor admin = AgentAuth.requireRole(ctx, Role.ADMIN);
        String login = ctx.pathParam("login");
        if (login.equals(admin.login())) {
            throw new ApiException(409, "an admin cannot remove their own account; ask another admin");
        }
        if (!accounts.remove(login)) {
            throw new ApiException(404, "no account " + login);
        }
        accounts.record(admin.login(), "account_remove", login);
        assigner.release(login, false);
        ctx.json(Map.of("removed", login));
    }

    /** {@code GET /api/agent/audit} (admin): the latest actions, newest first. */
    void audit(Context ctx) {
        AgentAuth.requireRole(ctx, Role.ADMIN);
        ctx.json(Map.of("actions", accounts.store().actions(200).stream().map(a -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("at", a.at().toString());
            line.put("account", a.account());
            line.put("action", a.action());
            line.put("target", a.target());
            return line;
        }).toList()));
    }

    static Map<String, Object> view(Account a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("login", a.login());
        view.put("displayName", a.displayName());
        view.put("role", a.role().wireName());
        view.put("maxChats", a.maxChats());
        view.put("presence", a.presence().wireName());
        return view;
    }

    /** HttpOnly, SameSite=Strict, Secure when the request came over HTTPS (directly or through a proxy). */
    private static String cookie(Context ctx, String value, long maxAgeSeconds) {
        boolean https = ctx.scheme().equals("https") || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return AgentAuth.SESSION_COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
                + (https ? "; Secure" : "");
    }

    private static String string(JsonNode body, String field) {
        String value = optional(body, field);
        if (value == null || value.isBlank()) {
            throw new AccountException(field, field + " is required and must be a non-blank string");
        }
        return value;
    }

    private static String optional(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new AccountException(field, field + " must be a string");
        }
        return value.asText();
    }

    void evictIdle() {
        perAccount.evictIdle(System.nanoTime());
        perIp.evictIdle(System.nanoTime());
    }
}
