package dev.kefu.channel.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.ReplyRenderer;
import dev.kefu.dialog.policy.DecisionPolicy;
import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.faq.LuceneFaqSearcher;
import dev.kefu.intent.ensemble.EnsembleIntentClassifier;
import dev.kefu.intent.ensemble.EnsembleModelFiles;
import dev.kefu.store.Database;
import dev.kefu.store.PostgresServer;
import dev.kefu.store.SqlChannelStore;
import dev.kefu.store.SqlConversationStore;
import dev.kefu.store.SqlFeedbackStore;
import dev.kefu.store.SqlHandoffQueue;
import dev.kefu.store.SqlTicketStore;
import dev.kefu.text.ChineseVariants;
import dev.kefu.text.SmartcnTokenizer;
import dev.kefu.text.Synonyms;
import dev.kefu.text.TextNormalizer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The real server on port 0 over the shipped models and an SQLite file, plus an HTTP client. With
 * the system property {@code kefu.test.db=postgresql} (the failsafe execution {@code postgresql})
 * the database is a fresh one on a real PostgreSQL server instead.
 */
final class TestServer implements AutoCloseable {
    private static final TextNormalizer NORMALIZER = new TextNormalizer(ChineseVariants.icu());
    private static final SmartcnTokenizer TOKENIZER =
            new SmartcnTokenizer(Synonyms.read(Path.of("models/synonyms.txt"), NORMALIZER));
    /** The classifier the models hold (the ensemble of OpenNLP and liblinear), as {@code serve} loads it. */
    private static final EnsembleIntentClassifier CLASSIFIER = EnsembleModelFiles.load(Path.of("models"), "intent.bin");
    private static final LuceneFaqSearcher FAQ = LuceneFaqSearcher.open(Path.of("models/faq-index"));
    /** The ranker the models hold (learned-bge), as {@code serve} loads it. */
    private static final dev.kefu.answer.AnswerRanker RANKER = dev.kefu.answer.LearnedAnswerRanker.read(Path.of("models"),
            FAQ, dev.kefu.intent.embedding.BgeSentenceEncoder.loadForConcurrentCalls());

    /** One hasher for every test server: it computes a decoy hash when made. */
    static final dev.kefu.auth.PasswordHash HASHER = new dev.kefu.auth.PasswordHash();
    static final String AGENT_TOKEN = "test-agent-token";
    /** The version the test server's engine names in its decision log. */
    static final String MODEL_VERSION = "shipped models (test)";
    static final String WECHAT_TOKEN = "test-wechat-token";
    static final String WEBHOOK_SECRET = "test-webhook-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;
    private final HttpServer server;
    private final dev.kefu.studio.version.Versions versions;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String base;

    TestServer(Path dbFile) {
        this(dbFile, Clock.systemUTC(), new HttpServer.Limits(0, 0, java.util.List.of("*")));
    }

    /** A server whose engine tells time (and silence) by {@code clock}. */
    TestServer(Path dbFile, Clock clock) {
        this(dbFile, clock, new HttpServer.Limits(0, 0, java.util.List.of("*")));
    }

    TestServer(Path dbFile, HttpServer.Limits limits) {
        this(dbFile, Clock.systemUTC(), limits);
    }

    TestServer(Path dbFile, Clock clock, HttpServer.Limits limits) {
        this(dbFile, clock, limits, WebhookSettings.of(SECRETS));
    }

    /** A server whose webhooks are configured by {@code webhooks} (WeChat mode, replay window, menu, rate limit). */
    TestServer(Path dbFile, WebhookSettings webhooks) {
        this(dbFile, Clock.systemUTC(), new HttpServer.Limits(0, 0, java.util.List.of("*")), webhooks);
    }

    private static final HttpServer.Secrets SECRETS = new HttpServer.Secrets(AGENT_TOKEN, WECHAT_TOKEN, WEBHOOK_SECRET);

    TestServer(Path dbFile, Clock clock, HttpServer.Limits limits, WebhookSettings webhooks) {
        this(dbFile, clock, limits, webhooks, dev.kefu.studio.review.ReviewInbox.Settings.DEFAULT);
    }

    /** A server whose review inbox chooses and groups messages by {@code review}. */
    TestServer(Path dbFile, dev.kefu.studio.review.ReviewInbox.Settings review) {
        this(dbFile, Clock.systemUTC(), new HttpServer.Limits(0, 0, java.util.List.of("*")), WebhookSettings.of(SECRETS),
                review);
    }

    private TestServer(Path dbFile, Clock clock, HttpServer.Limits limits, WebhookSettings webhooks,
                       dev.kefu.studio.review.ReviewInbox.Settings review) {
        db = openDatabase(dbFile);
        SqlConversationStore store = new SqlConversationStore(db);
        Supplier<ChatEngine> engines = () -> new ChatEngine(new ChatEngine.Pipeline(NORMALIZER, TOKENIZER, CLASSIFIER, RANKER),
                new DecisionPolicy(Thresholds.DEFAULT, FAQ.entries()), new ReplyRenderer(null), store)
                .withContextTimeout(ChatEngine.DEFAULT_CONTEXT_TIMEOUT, clock).withModelVersion(MODEL_VERSION);
        ChatEngine engine = engines.get();
        SqlTicketStore tickets = new SqlTicketStore(db, Clock.systemUTC());
        server = new HttpServer(new HttpServer.Parts(engine, store, store, new SqlHandoffQueue(db),
                tickets, new SqlChannelStore(db, Clock.systemUTC(),
                dev.kefu.store.ServerKeys.userPseudonyms(db, null)), new SqlFeedbackStore(db),
                new dev.kefu.auth.Accounts(new dev.kefu.store.SqlAccountStore(db), HASHER, Clock.systemUTC()),
                new dev.kefu.store.SqlAssignments(db, tickets, Clock.systemUTC()),
                new dev.kefu.store.SqlWorksheets(db, Clock.systemUTC()), new dev.kefu.store.SqlDeskReports(db),
                db::isHealthy, Map.of("intents", CLASSIFIER.labels().size()),
                () -> new HttpServer.Loaded(engines.get(), Map.of("intents", CLASSIFIER.labels().size())),
                new dev.kefu.studio.review.ReviewSources(new dev.kefu.store.SqlDecisionLog(db),
                        new dev.kefu.store.SqlReviewStore(db, Clock.systemUTC()),
                        dev.kefu.intent.embedding.BgeSentenceEncoder::loadForConcurrentCalls,
                        review)),
                SECRETS, limits, new dev.kefu.store.LocalBroadcast(), webhooks);
        dev.kefu.studio.KbEditor kb = new dev.kefu.studio.KbEditor(new dev.kefu.store.SqlKbStore(db), Clock.systemUTC());
        server.openStudio(kb, null);
        versions = new dev.kefu.studio.version.Versions(new dev.kefu.studio.version.Versions.Parts(kb, new dev.kefu.store.SqlVersionStore(db),
                new UntrainableModels(), server::reloadEverywhere), new dev.kefu.studio.version.Gate(0.01), Clock.systemUTC());
        server.openVersions(versions, new dev.kefu.studio.version.HitTest.Runner() {
            @Override
            public dev.kefu.studio.version.HitTest published(String text) {
                return dev.kefu.studio.version.HitTest.of(new ChatEngine(new ChatEngine.Pipeline(NORMALIZER, TOKENIZER, CLASSIFIER,
                        RANKER), new DecisionPolicy(Thresholds.DEFAULT, FAQ.entries()), new ReplyRenderer(null),
                        new dev.kefu.dialog.conversation.InMemoryConversationStore()), "files", text);
            }

            @Override
            public dev.kefu.studio.version.HitTest draft(String text) {
                return null; // this server never trains a version
            }
        });
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    }

    private static Database openDatabase(Path dbFile) {
        return Database.open(databaseUrl(dbFile));
    }

    /**
     * The JDBC URL of the database that stands for {@code dbFile}: the file itself, or under
     * {@code kefu.test.db=postgresql} one PostgreSQL database per file (so that a server started
     * again on the same file finds its data), with the credentials in the URL.
     */
    static String databaseUrl(Path dbFile) {
        if (!"postgresql".equals(System.getProperty("kefu.test.db"))) {
            return "jdbc:sqlite:" + dbFile;
        }
        return POSTGRES_DATABASES.computeIfAbsent(dbFile.toAbsolutePath(), file -> PostgresServer.shared().newDatabase()
                + "?user=" + PostgresServer.USER + "&password=" + PostgresServer.PASSWORD);
    }

    private static final Map<Path, String> POSTGRES_DATABASES = new java.util.concurrent.ConcurrentHashMap<>();

    /** Posts one user message; the reply must be 200 JSON. */
    JsonNode say(String conversationId, String text) throws Exception {
        Map<String, String> body = conversationId == null ? Map.of("text", text)
                : Map.of("conversationId", conversationId, "text", text);
        HttpResponse<String> response = post("/api/messages", JSON.writeValueAsString(body));
        if (response.statusCode() != 200 || !response.headers().firstValue("Content-Type").orElse("")
                .startsWith("application/json")) {
            throw new AssertionError("POST /api/messages gave " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> post(String path, byte[] body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpServer server() {
        return server;
    }

    Database db() {
        return db;
    }

    HttpClient client() {
        return client;
    }

    /**
     * The studio's trainer here: this server is wired from the shipped model files in the test
     * JVM, not by {@code serve}, so a training it starts fails (StudioPublishIT trains for real,
     * against the jar), which is the path "a failed training leaves the published version serving".
     */
    private static final class UntrainableModels implements dev.kefu.studio.version.Trainer {
        @Override
        public dev.kefu.studio.version.VersionReport train(Path corpus, Path models, java.util.function.Consumer<String> progress) {
            throw new IllegalStateException("the test server trains no models");
        }

        @Override
        public dev.kefu.studio.version.VersionReport evaluateServing(Path corpus, java.util.function.Consumer<String> progress) {
            throw new IllegalStateException("the test server evaluates no models");
        }
    }

    @Override
    public void close() {
        versions.close();
        server.close();
        db.close();
    }
}
