package dev.kefu.channel.http;

import dev.kefu.channel.webhook.ChannelStore;
import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.conversation.ConversationStore;
import dev.kefu.dialog.conversation.Transcripts;
import dev.kefu.feedback.FeedbackStore;
import dev.kefu.handoff.HandoffQueue;
import dev.kefu.handoff.TicketStatus;
import dev.kefu.handoff.TicketStore;
import dev.kefu.store.Broadcast;
import dev.kefu.store.LocalBroadcast;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kefu over HTTP: every route is listed in {@link #routes}. Errors are JSON {@code {"error": …}};
 * nothing a client sends produces a stack trace. Not thread-safe to start and stop concurrently.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    /** How often listening widgets get their queue position refreshed, in seconds. */
    private static final int STATUS_REFRESH_SECONDS = 5;
    /** How often the agents' event streams get a comment line, in seconds. */
    static final int HEARTBEAT_SECONDS = 15;

    /** The OpenAPI 3.1 description of every route, served at {@code /openapi.json} (OpenApiIT keeps it true). */
    private static final byte[] OPENAPI = resource("/openapi.json");

    private final Parts parts;
    private final HttpMetrics metrics = new HttpMetrics();
    private final Live live;
    private final Broadcast broadcast;
    /** The engine in use; {@code POST /api/agent/reload} swaps in a new one atomically. */
    private final AtomicReference<ChatEngine> engine;
    private final AtomicReference<Map<String, Object>> modelInfo;
    private final MessageRoutes messages;
    private final AgentRoutes agents;
    private final AgentAuth auth;
    private final AccountRoutes accounts;
    private final AssignmentRoutes assignment;
    private final Assigner assigner;
    private final WorksheetRoutes worksheets;
    private final ReportRoutes reports;
    private final DecisionRoutes decisions;
    private final ReviewRoutes reviews;
    private final WebhookRoutes webhooks;
    private final WechatRoutes wechat;
    private final Guards guards;
    /** The per-IP limit of {@code /webhook/*}, apart from the public API's; null when off. */
    private final RateLimiter webhookLimiter;
    private volatile Supplier<String> moreMetrics = () -> "";
    private final AccessLog access;
    private final JettyGuards jetty;
    private final FeedbackRoutes feedback;
    private final TypingRoutes typing;
    /** Until {@link #showHotline} is called, the demo page says what answers say with no hotline set. */
    private volatile WebAssets assets = new WebAssets(null);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kefu-status-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private Javalin app;
    private RouteTable table;
    /** The studio's routes; null until {@link #openStudio} (then {@code /api/studio/*} and {@code /studio/} exist). */
    private StudioRoutes studio;
    private StudioExampleRoutes studioExamples;
    private StudioVersionRoutes studioVersions;

    /**
     * What the server serves. {@code healthy} reports whether the database answers; {@code reloader}
     * loads the models again, with what {@code /health} should say of them.
     */
    public record Parts(ChatEngine engine, ConversationStore conversations, Transcripts transcripts,
                        HandoffQueue queue, TicketStore tickets, ChannelStore channels, FeedbackStore feedback,
                        dev.kefu.auth.Accounts accounts, dev.kefu.handoff.Assignments assignments,
                        dev.kefu.handoff.Worksheets worksheets, dev.kefu.report.DeskReports reports,
                        BooleanSupplier databaseHealthy,
                        Map<String, Object> modelInfo, Supplier<Loaded> reloader,
                        dev.kefu.studio.review.ReviewSources review) {
        public Parts {
            Objects.requireNonNull(review, "review");
            Objects.requireNonNull(reloader, "reloader");
            Objects.requireNonNull(feedback, "feedback");
            Objects.requireNonNull(accounts, "accounts");
            Objects.requireNonNull(assignments, "assignments");
            Objects.requireNonNull(worksheets, "worksheets");
            Objects.requireNonNull(reports, "reports");
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(conversations, "conversations");
            Objects.requireNonNull(transcripts, "transcripts");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(tickets, "tickets");
            Objects.requireNonNull(channels, "channels");
            Objects.requireNonNull(databaseHealthy, "databaseHealthy");
            modelInfo = Map.copyOf(modelInfo);
        }
    }

    /** Freshly loaded models: the engine over them and what {@code /health} reports of them. */
    public record Loaded(ChatEngine engine, Map<String, Object> modelInfo) {
        public Loaded {
            Objects.requireNonNull(engine, "engine");
            modelInfo = Map.copyOf(modelInfo);
        }
    }

    /**
     * The shared secrets: the agent API's bearer token, WeChat's verification token and the generic
     * webhook's HMAC secret. A null or blank one turns its API off.
     */
    public record Secrets(String agentToken, String wechatToken, String webhookSecret) {
        public Secrets {
            agentToken = blankToNull(agentToken);
            wechatToken = blankToNull(wechatToken);
            webhookSecret = blankToNull(webhookSecret);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /**
     * Limits on public clients: {@code ratePerSecond} requests a second per client IP with bursts of
     * {@code burst} (0 turns the limit off), the origins whose pages may call the API from a browser
     * ({@code *} for any), and how many new conversations a client IP may start per hour through
     * the web API (0: no cap).
     */
    public record Limits(int ratePerSecond, int burst, List<String> corsOrigins, int conversationsPerHour,
                         Connections connections) {
        public static final Limits DEFAULT = new Limits(20, 40, List.of("*"), 120);

        public Limits {
            if (ratePerSecond < 0 || burst < 0 || conversationsPerHour < 0) {
                throw new IllegalArgumentException("rate limit, burst and conversations per hour must be >= 0");
            }
            corsOrigins = List.copyOf(corsOrigins);
            Objects.requireNonNull(connections, "connections");
        }

        /** The default connection limits. */
        public Limits(int ratePerSecond, int burst, List<String> corsOrigins, int conversationsPerHour) {
            this(ratePerSecond, burst, corsOrigins, conversationsPerHour, Connections.DEFAULT);
        }

        /** These limits with other connection limits. */
        public Limits with(Connections other) {
            return new Limits(ratePerSecond, burst, corsOrigins, conversationsPerHour, other);
        }

        /** No conversation cap. */
        public Limits(int ratePerSecond, int burst, List<String> corsOrigins) {
            this(ratePerSecond, burst, corsOrigins, 0);
        }
    }

    /**
     * What one client IP may hold of the server: {@code perIp} open connections, {@code bodiesPerIp}
     * requests whose body is being read (0 turns either cap off, e.g. behind a proxy that already
     * limits clients), and the time a request has to arrive whole, headers and body.
     */
    public record Connections(int perIp, int bodiesPerIp, java.time.Duration readDeadline) {
        public static final Connections DEFAULT = new Connections(128, 8, java.time.Duration.ofSeconds(10));

        public Connections {
            if (perIp < 0 || bodiesPerIp < 0 || readDeadline.isNegative() || readDeadline.isZero()) {
                throw new IllegalArgumentException("connections and bodies per IP must be >= 0 and the read deadline "
                        + "positive, were " + perIp + ", " + bodiesPerIp + ", " + readDeadline);
            }
        }
    }

    public HttpServer(Parts parts, Secrets secrets) {
        this(parts, secrets, Limits.DEFAULT);
    }

    /** A server alone on its database: live events stay in this process. */
    public HttpServer(Parts parts, Secrets secrets, Limits limits) {
        this(parts, secrets, limits, new LocalBroadcast());
    }

    /**
     * A server whose live events (agent replies, ticket changes) go through {@code broadcast}, so
     * that the other kefu instances on the same database push them to the streams they hold.
     */
    public HttpServer(Parts parts, Secrets secrets, Limits limits, Broadcast broadcast) {
        this(parts, secrets, limits, broadcast, WebhookSettings.of(secrets));
    }

    /** The same, with the webhooks configured by {@code webhookSettings} (its secrets win over {@code secrets}'). */
    public HttpServer(Parts parts, Secrets secrets, Limits limits, Broadcast broadcast, WebhookSettings webhookSettings) {
        this.parts = Objects.requireNonNull(parts, "parts");
        this.guards = new Guards(limits);
        this.jetty = new JettyGuards(limits.connections());
        this.broadcast = Objects.requireNonNull(broadcast, "broadcast");
        this.live = new Live(parts.queue(), broadcast, () -> scheduler.execute(this::reloadAskedElsewhere));
        this.engine = new AtomicReference<>(parts.engine());
        this.modelInfo = new AtomicReference<>(parts.modelInfo());
        metrics.watch(parts.conversations());
        metrics.watch(jetty);
        this.access = new AccessLog(metrics);
        this.assigner = new Assigner(parts.assignments(), live);
        Desk desk = new Desk(engine::get, parts, live, metrics, assigner::assign);
        this.messages = new MessageRoutes(parts, desk, live, guards);
        this.auth = new AgentAuth(secrets.agentToken(), parts.accounts(), Clock.systemUTC());
        this.accounts = new AccountRoutes(parts.accounts(), auth, assigner);
        this.agents = new AgentRoutes(parts, engine::get, auth, live, metrics, assigner);
        this.assignment = new AssignmentRoutes(parts.accounts(), assigner, agents);
        this.worksheets = new WorksheetRoutes(parts.worksheets(), parts.accounts(), agents);
        this.reports = new ReportRoutes(parts.reports());
        this.decisions = new DecisionRoutes(parts.review().log());
        this.reviews = new ReviewRoutes(new dev.kefu.studio.review.ReviewInbox(parts.review().store(),
                parts.review().encoder(), text -> ReviewRoutes.suggest(engine.get(), text), parts.review().settings()),
                parts.accounts(), Clock.systemUTC());
        metrics.watch(() -> parts.tickets().count(TicketStatus.WAITING), live.users(), live.agents());
        InboundTurns inbound = new InboundTurns(desk, parts.channels(), parts.tickets());
        this.webhooks = new WebhookRoutes(inbound, webhookSettings, Clock.systemUTC());
        this.wechat = new WechatRoutes(inbound, parts.channels(), webhookSettings, Clock.systemUTC());
        int webhookRate = webhookSettings.ratePerSecond();
        this.webhookLimiter = webhookRate == 0 ? null : new RateLimiter(webhookRate, 2 * webhookRate);
        this.feedback = new FeedbackRoutes(parts, metrics);
        this.typing = new TypingRoutes(parts, live);
    }

    /** Starts listening on {@code host:port} (port 0 picks a free port); returns the bound port. */
    public int start(String host, int port) {
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = MessageRoutes.MAX_BODY;
            // Javalin copies each response through a buffer of this size, 32 KiB by default: that
            // was 17 % of all bytes allocated per request, for replies of 1-3 KiB
            config.http.responseBufferSize = 8_192;
            config.requestLogger.http(access::log);
            jetty.install(config);
        });
        routes(app);
        ErrorMapping.install(app, table);
        app.start(host, port);
        scheduler.scheduleAtFixedRate(this::refreshStatuses, STATUS_REFRESH_SECONDS, STATUS_REFRESH_SECONDS,
                TimeUnit.SECONDS);
        // a comment line every 15 s: proxies and browsers keep a quiet agent stream open, and a dead one is found
        scheduler.scheduleAtFixedRate(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(() -> {
            guards.evictIdle();
            auth.evictIdle();
            accounts.evictIdle();
            typing.evictIdle();
        }, 1, 1, TimeUnit.MINUTES);
        if (webhookLimiter != null) {
            scheduler.scheduleAtFixedRate(() -> webhookLimiter.evictIdle(System.nanoTime()), 1, 1, TimeUnit.MINUTES);
        }
        return app.port();
    }

    private void routes(Javalin app) {
        RouteTable table = new RouteTable(app);
        this.table = table;
        for (String path : List.of("/api/messages", "/api/conversations/*")) {
            app.before(path, guards::rateLimit);
        }
        app.before("/webhook/*", this::webhookRateLimit);
        app.before("/api/*", guards::cors);
        app.before("/api/*", Guards::requireIdentityEncoding);
        app.before("/webhook/*", Guards::requireIdentityEncoding);
        app.before("/api/messages", Guards::requireJson);
        app.before("/api/conversations/{id}/feedback", Guards::requireJson);
        app.before("/api/conversations/{id}/satisfaction", Guards::requireJson);
        app.before("/api/conversations/{id}/typing", Guards::requireJson);
        app.after(Guards::securityHeaders);
        for (String path : List.of("/api/messages", "/api/conversations/{id}/messages", "/api/conversations/{id}/events",
                "/api/conversations/{id}/feedback", "/api/conversations/{id}/satisfaction", "/api/conversations/{id}/typing")) {
            table.options(path, ctx -> ctx.status(204)); // CORS preflight of pages that embed the widget
        }
        table.post("/api/messages", messages::post);
        table.get("/api/conversations/{id}/messages", messages::transcript);
        app.before("/api/conversations/{id}/events", messages::requireConversation);
        table.sse("/api/conversations/{id}/events", messages::events);
        table.post("/api/conversations/{id}/feedback", feedback::rate);
        table.post("/api/conversations/{id}/satisfaction", feedback::satisfaction);
        table.post("/api/conversations/{id}/typing", typing::user);
        app.before("/api/auth/login", Guards::requireJson);
        table.post("/api/auth/login", accounts::login);
        table.get("/api/auth/me", accounts::me);
        table.post("/api/auth/logout", accounts::logout);
        app.before("/api/agent/*", agents::authenticate);
        table.get("/api/agent/accounts", accounts::list);
        table.post("/api/agent/accounts", accounts::create);
        table.post("/api/agent/accounts/{login}/remove", accounts::remove);
        table.get("/api/agent/audit", accounts::audit);
        table.get("/api/agent/tickets", agents::list);
        table.get("/api/agent/tickets/{id}", agents::ticket);
        table.post("/api/agent/tickets/{id}/claim", agents::claim);
        table.post("/api/agent/tickets/{id}/messages", agents::reply);
        table.post("/api/agent/tickets/{id}/close", agents::close);
        table.post("/api/agent/tickets/{id}/handback", agents::handBack);
        table.post("/api/agent/tickets/{id}/transfer", assignment::transfer);
        table.post("/api/agent/tickets/{id}/unassign", assignment::unassign);
        table.post("/api/agent/tickets/{id}/typing", typing::agent);
        table.post("/api/agent/presence", assignment::presence);
        table.post("/api/agent/tickets/{id}/notes", worksheets::addNote);
        table.post("/api/agent/tickets/{id}/tags", worksheets::setTags);
        table.get("/api/agent/canned", worksheets::canned);
        table.post("/api/agent/canned", worksheets::saveCanned);
        table.post("/api/agent/canned/{shortcut}/remove", worksheets::removeCanned);
        table.get("/api/agent/search", worksheets::search);
        table.get("/api/agent/reports", reports::report);
        table.get("/api/agent/messages/{id}/decision", decisions::decision);
        app.before("/api/studio/*", agents::authenticate);
        table.get("/api/studio/decisions", decisions::export);
        table.get("/api/studio/inbox", reviews::inbox);
        table.post("/api/studio/inbox/reviews", reviews::review);
        table.post("/api/agent/stream-ticket", agents::streamTicket);
        app.before(AgentRoutes.EVENTS, ctx -> {
            Guards.securityHeaders(ctx);
            MessageRoutes.requireStreamSlot(live.agents(), ctx);
        });
        table.sse(AgentRoutes.EVENTS, new AgentStream(parts.tickets(), live)::events); // EventSource sends no headers: ?ticket= from stream-ticket
        app.after("/api/conversations/{id}/events", ctx -> MessageRoutes.releaseStreamSlot(live.users(), ctx));
        app.after(AgentRoutes.EVENTS, ctx -> MessageRoutes.releaseStreamSlot(live.agents(), ctx));
        table.get("/api/agent/feedback", feedback::perFaq);
        table.post("/api/agent/reload", this::reload);
        table.get("/webhook/wechat", wechat::verify);
        table.post("/webhook/wechat", wechat::message);
        table.post("/webhook/generic", webhooks::generic);
        table.get("/health", this::health);
        table.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()
                + moreMetrics.get()));
        table.get("/", ctx -> {
            Guards.pageHeaders(ctx);
            assets.demoPage(ctx);
        });
        table.get("/openapi.json", ctx -> ctx.contentType("application/json; charset=utf-8").result(OPENAPI));
        table.get("/widget.js", ctx -> assets.widget(ctx));
        table.get("/widget/{file}", ctx -> assets.widgetFile(ctx));
        table.get("/agent", ctx -> assets.agentConsole(ctx));
        table.get("/agent/login", ctx -> assets.loginPage(ctx));
        table.get("/agent/reports", ctx -> assets.reportsPage(ctx));
        table.get("/agent/assets/{file}", ctx -> assets.agentAsset(ctx));
        // the studio's static pages and modules (the review inbox works without the editor's API)
        table.get("/studio/", ctx -> assets.studioFile(ctx, "index.html"));
        table.get("/studio/inbox", ctx -> assets.studioFile(ctx, "inbox.html"));
        table.get("/studio/{file}", ctx -> assets.studioFile(ctx, ctx.pathParam("file")));
        if (studio != null) {
            studioRoutes(app, table);
        }
    }

    private void studioRoutes(Javalin app, RouteTable table) {
        table.get("/api/studio/entries", studio::list);
        table.post("/api/studio/entries", studio::create);
        table.get("/api/studio/entries/{id}", studio::get);
        table.post("/api/studio/entries/{id}", studio::update);
        table.post("/api/studio/entries/{id}/phrasings", studio::addPhrasing);
        table.post("/api/studio/entries/{id}/remove", studio::remove);
        table.get("/api/studio/entries/{id}/history", studio::history);
        table.post("/api/studio/entries/{id}/restore", studio::restore);
        table.get("/api/studio/examples", studioExamples::list);
        table.post("/api/studio/examples", studioExamples::create);
        table.post("/api/studio/examples/{id}", studioExamples::update);
        table.post("/api/studio/examples/{id}/remove", studioExamples::remove);
        table.get("/api/studio/examples/{id}/history", studioExamples::history);
        table.post("/api/studio/examples/{id}/restore", studioExamples::restore);
        table.get("/api/studio/intents", studio::intents);
        table.post("/api/studio/preview", studio::preview);
        if (studioVersions != null) {
            table.get("/api/studio/versions", studioVersions::list);
            table.post("/api/studio/versions", studioVersions::train);
            table.get("/api/studio/versions/{id}", studioVersions::get);
            table.post("/api/studio/versions/{id}/publish", studioVersions::publish);
            table.post("/api/studio/versions/{id}/rollback", studioVersions::rollback);
            table.post("/api/studio/must-not-break", studioVersions::mustNotBreak);
            table.post("/api/studio/hit-test", studioVersions::hitTest);
        }
    }

    /** Before {@code /webhook/*}: the webhooks' own per-IP limit (429 with {@code Retry-After}). */
    private void webhookRateLimit(Context ctx) {
        long wait = webhookLimiter == null ? 0 : webhookLimiter.acquire(ctx.ip(), System.nanoTime());
        if (wait > 0) {
            ctx.header("Retry-After", String.valueOf(wait));
            throw new ApiException(429, "too many webhook calls from this address; retry after " + wait + " s");
        }
    }

    /**
     * The demo page shows the hotline setting ({@code null} or blank when unset) exactly as the bot's
     * answers render {@code {hotline}}: the number, or where to find it.
     */
    public void showHotline(String hotline) {
        this.assets = new WebAssets(hotline);
    }

    /**
     * Serves the studio (the knowledge-base editor at {@code /studio/}, its API under
     * {@code /api/studio/}, admins only) over {@code kb}, previewing answers as the bot renders
     * them with {@code hotline}. Call before {@link #start}.
     */
    public void openStudio(dev.kefu.studio.KbEditor kb, String hotline) {
        this.studio = new StudioRoutes(kb, parts.accounts(), new dev.kefu.dialog.ReplyRenderer(hotline));
        this.studioExamples = new StudioExampleRoutes(kb, parts.accounts());
    }

    /** Adds the studio's versions (train, compare, publish, roll back) to {@link #openStudio}'s routes. Call before {@link #start}. */
    public void openVersions(dev.kefu.studio.version.Versions versions, dev.kefu.studio.version.HitTest.Runner hits) {
        this.studioVersions = new StudioVersionRoutes(versions, parts.accounts(), hits);
    }

    /** Adds {@code lines} (Prometheus text, e.g. the outbox's {@code kefu_outbox_*}) to {@code GET /metrics}. */
    public void exportMetrics(Supplier<String> lines) {
        this.moreMetrics = Objects.requireNonNull(lines, "lines");
    }



    /**
     * Loads the models again (after {@code train}) and swaps them in. Requests already running
     * finish on the old engine; if loading fails, the old one stays and the answer says why.
     */
    /**
     * {@code POST /api/agent/reload}: this instance loads its model files again and swaps them in,
     * then tells the other instances on the same database to do the same with theirs.
     */
    private void reload(Context ctx) {
        Loaded fresh;
        try {
            fresh = parts.reloader().get();
        } catch (RuntimeException e) {
            LOG.warn("reload failed, the running models stay: {}", e.getMessage());
            throw new ApiException(409, "models not reloaded, the running ones stay: " + e.getMessage());
        }
        swapIn(fresh);
        LOG.info("models reloaded");
        live.reloaded();
        ctx.json(Map.of("reloaded", true));
    }

    /**
     * Loads the models again here and tells the other instances to do the same (a version was
     * published); throws when loading fails here, the running models then stay.
     */
    public void reloadEverywhere() {
        swapIn(parts.reloader().get());
        LOG.info("models reloaded (a version was published)");
        live.reloaded();
    }

    /** Loads the models again here only (the published version changed without this instance being told). */
    public void reloadHere() {
        swapIn(parts.reloader().get());
        LOG.info("models reloaded (the published version changed)");
    }

    /** A reload asked on another instance: done here too (on the scheduler, off the broadcast's thread). */
    private void reloadAskedElsewhere() {
        try {
            swapIn(parts.reloader().get());
            LOG.info("models reloaded (asked by another instance)");
        } catch (RuntimeException e) {
            LOG.warn("reload asked by another instance failed, the running models stay: {}", e.getMessage());
        }
    }

    private void swapIn(Loaded fresh) {
        engine.set(fresh.engine());
        modelInfo.set(fresh.modelInfo());
    }

    private void health(Context ctx) {
        boolean database = parts.databaseHealthy().getAsBoolean();
        // live events from other instances: missed while reconnecting, but the API still works
        ctx.status(database ? 200 : 503).json(Map.of("status", database ? "ok" : "unavailable",
                "database", database ? "ok" : "unavailable", "live", broadcast.isConnected() ? "ok" : "reconnecting",
                "model", modelInfo.get()));
    }


    private void heartbeat() {
        live.agents().forEach((key, client) -> {
            if (!client.terminated()) {
                client.sendComment("heartbeat");
            }
        });
    }

    private void refreshStatuses() {
        // another instance may have freed a place or brought an agent online: assign here too
        assigner.assign();
        try {
            messages.refreshStatuses();
        } catch (RuntimeException e) {
            LOG.warn("status refresh failed: {}", e.getMessage());
        }
    }

    private static byte[] resource(String name) {
        try (java.io.InputStream in = HttpServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " (a broken build?)");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The routes and their methods, by path template (for tests that compare them with the OpenAPI description). */
    Map<String, java.util.Set<String>> routeMethods() {
        return table.methods();
    }

    /** The bound port. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        if (app != null) {
            app.stop();
        }
    }
}
