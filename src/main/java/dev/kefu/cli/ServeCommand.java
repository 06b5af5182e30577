package dev.kefu.cli;

import dev.kefu.channel.http.HttpServer;
import dev.kefu.channel.http.WebhookSettings;
import dev.kefu.channel.webhook.OutboxWorker;
import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.ServiceHours;
import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.intent.embedding.BgeSentenceEncoder;
import dev.kefu.store.Database;
import dev.kefu.store.Retention;
import dev.kefu.store.ServerKeys;
import dev.kefu.store.SqlChannelStore;
import dev.kefu.store.SqlConversationStore;
import dev.kefu.store.SqlDecisionLog;
import dev.kefu.store.SqlFeedbackStore;
import dev.kefu.store.SqlHandoffQueue;
import dev.kefu.store.SqlKbStore;
import dev.kefu.store.SqlReviewStore;
import dev.kefu.store.SqlTicketStore;
import dev.kefu.store.SqlVersionStore;
import dev.kefu.studio.KbEditor;
import dev.kefu.studio.review.LeaderClustering;
import dev.kefu.studio.review.ReviewInbox;
import dev.kefu.studio.review.ReviewSources;
import dev.kefu.studio.version.Gate;
import dev.kefu.studio.version.Versions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** {@code serve}: the HTTP API, demo page and widget, until the process is stopped. */
final class ServeCommand {
    static final String DEFAULT_DB = "jdbc:sqlite:kefu-data/kefu.db";
    static final String USAGE = """
            usage: java -jar target/kefu.jar serve [--port N] [--host ADDR] [--db URL] [--models DIR]
                                                  [--corpus DIR] [--hotline TEXT] [--service-hours H]
                                                  [--timezone ZONE] [--context-timeout D] [--rate-limit N]
                                                  [--rate-burst N] [--cors-origins LIST] [--retention-days N]
                                                  [--conversations-per-hour N] [--replay-window D]
                                                  [--webhook-rate-limit N] [--wechat-menu FILE]
                                                  [--connections-per-ip N] [--gate-margin X]
                                                  [--studio-cv-folds K] [--self-test]
              --port N        TCP port (default 7070; 0 picks a free one)
              --host ADDR     address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
              --db URL        database (default %s; its directory is created), or
                              jdbc:postgresql://HOST[:PORT]/DB to share one database between instances
              --models DIR    trained models (default models)
              --corpus DIR    corpus the models must match (default corpus; skipped when absent)
              --hotline TEXT  customer-service hotline used in answers (default: $KEFU_HOTLINE)
              --service-hours H  when human agents work, e.g. 09:00-21:00 (default 00:00-24:00: always);
                              outside them a handoff tells the user when agents are back
              --timezone ZONE time zone of the service hours (default Asia/Shanghai)
              --context-timeout D  silence after which a conversation starts a fresh context
                              (what the bot last offered is forgotten; the transcript is kept),
                              e.g. 30m, 45s, 2h (default 30m, at most 7d)
              --rate-limit N  requests per second per client IP on the public API
                              (default 20; 0 turns the limit off, e.g. for load tests)
              --rate-burst N  requests a client may send at once before the limit applies (default 40)
              --conversations-per-hour N  new conversations a client IP may start through the web API
                              per hour (default 120; 0: no cap)
              --replay-window D  webhook calls whose signed timestamp is further than D from the
                              server's clock are refused, and WeChat nonces are remembered for D
                              (default 5m, at most 1h)
              --webhook-rate-limit N  requests per second per client IP on /webhook/* (default 200;
                              platforms push many users from a few addresses; 0 turns it off)
              --wechat-menu FILE  what the WeChat menu's CLICK buttons do: EventKey = faq:ID or
                              EventKey = message, one per line (default: none)
              --connections-per-ip N  connections a client IP may hold open (default 128; 0: no cap,
                              e.g. behind a reverse proxy); at most 8 of them may be sending a body
              --retention-days N  delete conversations silent for more than N days, checked hourly
                              (default 90; 0 keeps everything)
              --review-threshold X  answers whose entry scored below X go to the studio's review
                              inbox, beside fallbacks, the bot's own handoffs and thumbs-down
                              (default 0.6; 0 turns that off)
              --cors-origins LIST  comma-separated origins whose pages may call the API from a
                              browser, e.g. https://shop.example.com (default *: any)
              --gate-margin X  the studio refuses to publish a version whose answer accuracy or
                              precision on eval.tsv drops by more than X (default 0.01)
              --studio-cv-folds K  folds of the cross-validation of each version the studio
                              trains (default 5; 0 turns it off)
              --self-test     start (on a free port and, without --db, a database in a temporary
                              directory), send one message over HTTP, check /health, stop: exit 0
                              when both answered. The build runs it to write target/kefu.jsa
            Environment: KEFU_AGENT_TOKEN (agent API), KEFU_WECHAT_TOKEN, KEFU_WECHAT_APPID,
            KEFU_WECHAT_SECRET, KEFU_WECHAT_API_BASE, KEFU_WECHAT_AES_KEY, KEFU_WECHAT_MODE (WeChat), KEFU_WEBHOOK_SECRET,
            KEFU_WEBHOOK_CALLBACK_URL (generic webhook), KEFU_USER_ID_KEY (key of the stored
            platform user ids; default: one generated and kept in the database), KEFU_DB_USER, KEFU_DB_PASSWORD (PostgreSQL);
            see the README.""".formatted(DEFAULT_DB);

    private ServeCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        Options options = Options.parse(args, Set.of("port", "host", "db", "models", "corpus", "hotline",
                "service-hours", "timezone", "context-timeout", "rate-limit", "rate-burst", "cors-origins",
                "retention-days", "conversations-per-hour", "replay-window", "webhook-rate-limit", "wechat-menu",
                "connections-per-ip", "review-threshold", "gate-margin", "studio-cv-folds"), Set.of("self-test"));
        boolean selfTest = options.has("self-test");
        Duration contextTimeout = options.duration("context-timeout", ChatEngine.DEFAULT_CONTEXT_TIMEOUT,
                Duration.ofDays(7));
        int retentionDays = options.integer("retention-days", 90, 0, 36_500);
        double reviewThreshold = options.decimal("review-threshold", ReviewInbox.Settings.DEFAULT_THRESHOLD, 0, 1);
        HttpServer.Limits limits = new HttpServer.Limits(options.integer("rate-limit", 20, 0, 1_000_000),
                options.integer("rate-burst", 40, 0, 1_000_000), corsOrigins(options.string("cors-origins", "*")),
                options.integer("conversations-per-hour", 120, 0, 1_000_000));
        int connections = options.integer("connections-per-ip", HttpServer.Connections.DEFAULT.perIp(), 0, 1_000_000);
        limits = limits.with(new HttpServer.Connections(connections,
                Math.min(connections, HttpServer.Connections.DEFAULT.bodiesPerIp()), HttpServer.Connections.DEFAULT.readDeadline()));
        ServiceHours hours = serviceHours(options);
        int port = options.integer("port", selfTest ? 0 : 7070, 0, 65_535);
        String host = options.string("host", "127.0.0.1");
        long start = System.nanoTime();
        Path scratch = selfTest && !options.has("db") ? SelfTest.scratchDirectory() : null;
        String url = scratch != null ? "jdbc:sqlite:" + scratch.resolve("kefu.db") : Settings.databaseUrl(options);
        // The database (driver, pool, migrations) opens while the models load: startup is I/O and class loading.
        CompletableFuture<Database> opening = CompletableFuture.supplyAsync(() -> Database.open(url, Settings.credentials(System.getenv())));
        Database db;
        RuntimeException filesFailed = null;
        Models fromFiles = null;
        try {
            fromFiles = Models.load(options.path("models", "models"), options.path("corpus", "corpus"), true);
        } catch (RuntimeException e) {
            filesFailed = e; // fine when the database has a published version
        } finally {
            db = join(opening);
        }
        PublishedModels published = new PublishedModels(new SqlVersionStore(db), options.path("models", "models"),
                options.path("corpus", "corpus"));
        if (filesFailed != null && published.publishedId().isEmpty()) {
            db.close();
            throw filesFailed;
        }
        PublishedModels.Loaded first = published.publishedId().isPresent() || fromFiles == null ? published.load()
                : new PublishedModels.Loaded(fromFiles, 0, withVersion(fromFiles.describe(), "files"));
        Models models = first.models();
        AtomicReference<PublishedModels.Loaded> serving = new AtomicReference<>(first);
        SqlConversationStore store = new SqlConversationStore(db);
        Map<String, String> env = System.getenv();
        SqlChannelStore channels = new SqlChannelStore(db, Clock.systemUTC(),
                ServerKeys.userPseudonyms(db, env.get(Settings.USER_ID_KEY_ENV)));
        channels.pseudonymizeOldRows();
        String hotline = Settings.hotline(options, env);
        // the decision log names the studio's version in use ("files": the --models directory) and the models' manifest
        Function<PublishedModels.Loaded, ChatEngine> engineOf = loaded -> loaded.models()
                .engine(Thresholds.DEFAULT, hotline, store, hours)
                .withModelVersion("kb " + loaded.info().getOrDefault("version", "files") + ", " + loaded.models().version())
                .withContextTimeout(contextTimeout, Clock.systemUTC());
        WebhookSettings webhooks = Settings.webhooks(options, env, models.faq().entries());
        SqlTicketStore tickets = new SqlTicketStore(db, Clock.systemUTC());
        HttpServer server = new HttpServer(new HttpServer.Parts(engineOf.apply(first),
                store, store, new SqlHandoffQueue(db), tickets, channels, new SqlFeedbackStore(db), Settings.accounts(db),
                new dev.kefu.store.SqlAssignments(db, tickets, Clock.systemUTC()),
                new dev.kefu.store.SqlWorksheets(db, Clock.systemUTC()), new dev.kefu.store.SqlDeskReports(db),
                db::isHealthy, first.info(), () -> {
                    PublishedModels.Loaded fresh = published.load();
                    serving.set(fresh);
                    return new HttpServer.Loaded(engineOf.apply(fresh), fresh.info());
                }, new ReviewSources(new SqlDecisionLog(db), new SqlReviewStore(db, Clock.systemUTC()),
                        BgeSentenceEncoder::loadForConcurrentCalls, new ReviewInbox.Settings(reviewThreshold,
                        LeaderClustering.DEFAULT_SIMILARITY, ReviewInbox.Settings.DEFAULT_LIMIT))),
                Settings.secrets(env), limits, db.broadcast(), webhooks);
        OutboxWorker outbox = new OutboxWorker(channels, Settings.senders(env), Clock.systemUTC());
        server.exportMetrics(outbox::metrics);
        server.showHotline(hotline);
        KbEditor editor = new KbEditor(new SqlKbStore(db), Clock.systemUTC());
        server.openStudio(editor, hotline);
        SqlVersionStore versionStore = new SqlVersionStore(db);
        Versions versions = new Versions(new Versions.Parts(editor, versionStore,
                new StudioTraining(new TrainCommand.Kinds(models.kind(), models.rankerKind()),
                        options.integer("studio-cv-folds", 5, 0, 20), () -> serving.get().models()),
                server::reloadEverywhere), new Gate(options.decimal("gate-margin", Gate.DEFAULT_MARGIN, 0, 1)),
                Clock.systemUTC());
        server.openVersions(versions, new StudioHitTests(serving::get, versionStore, published));
        int bound;
        try {
            bound = server.start(host, port);
            dev.kefu.intent.embedding.BgeSentenceEncoder.startDeferredLoads();
        } catch (RuntimeException e) {
            server.close();
            db.close();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        outbox.start();
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kefu-retention");
            thread.setDaemon(true);
            return thread;
        });
        // a publish whose broadcast this instance missed (or a publisher killed after the switch) is found here
        housekeeping.scheduleWithFixedDelay(() -> followPublished(published, serving, server, err), 5, 5, TimeUnit.SECONDS);
        if (retentionDays > 0) {
            Retention retention = new Retention(db);
            housekeeping.scheduleAtFixedRate(() -> purgeOld(retention, retentionDays, err), 0, 1, TimeUnit.HOURS);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable shutdown = () -> {
            if (closing.compareAndSet(false, true)) {
                server.close();
                versions.close();
                housekeeping.shutdownNow();
                outbox.close();
                db.close();
                stopped.countDown();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "kefu-shutdown"));
        String page = "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + bound + "/";
        out.printf("kefu is ready in %d ms: open %s (demo page and chat widget)%n",
                (System.nanoTime() - start) / 1_000_000, page);
        out.println("embed the widget with <script src=\"" + page + "widget.js\" defer></script>; stop with Ctrl-C");
        String token = Settings.secrets(env).agentToken();
        out.println(token == null || token.isBlank()
                ? "agent console: " + page + "agent (the agent API is off: to turn it on, start kefu with "
                        + Settings.AGENT_TOKEN_ENV + " set to a secret, e.g. " + Settings.AGENT_TOKEN_ENV
                        + "=$(openssl rand -hex 16) java -jar target/kefu.jar serve, and sign in with it)"
                : "agent console: " + page + "agent (sign in with the " + Settings.AGENT_TOKEN_ENV + " token)");
        if (selfTest) {
            int status = SelfTest.run(host.equals("0.0.0.0") ? "127.0.0.1" : host, bound, out, err);
            if (!BgeSentenceEncoder.awaitBackgroundLoads(SelfTest.LOAD_TIMEOUT)) {
                err.println("kefu serve --self-test: bge-small-zh did not finish loading in "
                        + SelfTest.LOAD_TIMEOUT.toSeconds() + " s");
                status = 1;
            }
            shutdown.run();
            SelfTest.delete(scratch);
            return status;
        }
        stopped.await();
        return 0;
    }

    private static void followPublished(PublishedModels published, AtomicReference<PublishedModels.Loaded> serving,
                                        HttpServer server, PrintStream err) {
        try {
            if (published.publishedId().orElse(0L) != serving.get().version()) {
                server.reloadHere();
            }
        } catch (RuntimeException e) {
            err.println("kefu: cannot load the published version, the running models stay: " + e.getMessage());
        }
    }

    private static Map<String, Object> withVersion(Map<String, Object> info, Object version) {
        Map<String, Object> with = new java.util.HashMap<>(info);
        with.put("version", version);
        return Map.copyOf(with);
    }

    private static void purgeOld(Retention retention, int days, PrintStream err) {
        try {
            int purged = retention.purgeOlderThan(Instant.now().minus(Duration.ofDays(days)));
            if (purged > 0) {
                err.println("kefu: retention deleted " + purged + " conversations silent for more than " + days + " days");
            }
        } catch (RuntimeException e) {
            err.println("kefu: retention failed: " + e.getMessage());
        }
    }

    private static List<String> corsOrigins(String list) {
        List<String> origins = List.of(list.split(",")).stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        for (String origin : origins) {
            if (!origin.equals("*") && !origin.matches("https?://[^/\\s]+")) {
                throw new UsageException("--cors-origins must list origins like https://shop.example.com, was " + origin);
            }
        }
        if (origins.isEmpty()) {
            throw new UsageException("--cors-origins must not be empty (use * for any origin)");
        }
        return origins;
    }

    private static ServiceHours serviceHours(Options options) {
        ZoneId zone;
        try {
            zone = ZoneId.of(options.string("timezone", "Asia/Shanghai"));
        } catch (DateTimeException e) {
            throw new UsageException("--timezone must be a zone id such as Asia/Shanghai, was "
                    + options.string("timezone", ""));
        }
        try {
            return ServiceHours.parse(options.string("service-hours", "00:00-24:00"), zone);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
    }

    private static Database join(CompletableFuture<Database> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
