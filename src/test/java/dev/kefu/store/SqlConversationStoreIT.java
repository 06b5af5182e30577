package dev.kefu.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kefu.dialog.conversation.HandoffRequest;
import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.conversation.StaleTurnException;
import dev.kefu.dialog.conversation.TranscriptMessage;
import dev.kefu.dialog.conversation.Turn;
import dev.kefu.dialog.policy.Action;
import dev.kefu.dialog.policy.ConversationState;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Turns of one conversation are kept only over the version they were computed from, on SQLite
 * (a file in a temporary directory) and on PostgreSQL (a fresh database on the test server).
 */
class SqlConversationStoreIT {
    @TempDir
    Path dir;
    private Database db;
    private SqlConversationStore store;

    private void open(String engine) {
        db = engine.equals("sqlite") ? Database.open("jdbc:sqlite:" + dir.resolve("kefu.db"))
                : Database.open(PostgresServer.shared().newDatabase(), PostgresServer.shared().credentials());
        store = new SqlConversationStore(db);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_turn_computed_from_a_stale_state_is_refused_and_leaves_nothing_behind(String engine) {
        open(engine);
        store.record("c", turn("c", ConversationState.NEW, "你好", false));
        ConversationState read = store.find("c").orElseThrow();
        assertThat(read.version()).isEqualTo(1);
        store.record("c", turn("c", read, "第一条", false));

        assertThatThrownBy(() -> store.record("c", turn("c", read, "第二条", false)))
                .isInstanceOf(StaleTurnException.class);
        assertThatThrownBy(() -> store.record("c", turn("c", read, "转人工", true)))
                .as("a turn with a handoff ticket, written in a transaction of several statements")
                .isInstanceOf(StaleTurnException.class);

        assertThat(texts("c")).containsExactly("你好", "回复：你好", "第一条", "回复：第一条");
        assertThat(tickets("c")).isZero();
        ConversationState now = store.find("c").orElseThrow();
        assertThat(now.turns()).isEqualTo(2);
        assertThat(now.handedOff()).isFalse();
        assertThat(now.version()).isEqualTo(2);
        assertThat(store.refusedTurns()).as("the refusals the metrics report").isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_conversation_is_started_only_once(String engine) {
        open(engine);
        store.record("s", turn("s", ConversationState.NEW, "第一条", true));
        assertThatThrownBy(() -> store.record("s", turn("s", ConversationState.NEW, "也是第一条", true)))
                .isInstanceOf(StaleTurnException.class);
        assertThat(texts("s")).containsExactly("第一条", "回复：第一条");
        assertThat(tickets("s")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void an_agent_handing_back_refuses_a_bot_turn_computed_before(String engine) {
        open(engine);
        store.record("h", turn("h", ConversationState.NEW, "转人工", true));
        ConversationState withAgent = store.find("h").orElseThrow();
        assertThat(withAgent.handedOff()).isTrue();
        SqlTicketStore tickets = new SqlTicketStore(db, Clock.systemUTC());
        String ticket = new SqlHandoffQueue(db).status("h").orElseThrow().ticketId();
        tickets.claim(ticket, "li");
        tickets.handBack(ticket, "li");

        assertThatThrownBy(() -> store.record("h", turn("h", withAgent, "还在吗", false)))
                .as("the turn would set handed_off again").isInstanceOf(StaleTurnException.class);
        assertThat(store.find("h").orElseThrow().handedOff()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_purged_conversation_is_not_brought_back_by_a_turn_computed_before(String engine) {
        open(engine);
        store.record("p", turn("p", ConversationState.NEW, "你好", false));
        ConversationState read = store.find("p").orElseThrow();
        assertThat(new Retention(db).purge("p")).isTrue();
        assertThatThrownBy(() -> store.record("p", turn("p", read, "还在吗", false)))
                .isInstanceOf(StaleTurnException.class);
        assertThat(store.find("p")).isEmpty();
    }

    @Test
    void in_a_group_commit_a_stale_turn_fails_alone_and_the_others_of_its_batch_are_kept() throws Exception {
        open("sqlite");
        store.record("x", turn("x", ConversationState.NEW, "你好", false));
        ConversationState read = store.find("x").orElseThrow();
        // the writer holds a transaction open until every turn below waits behind it: they are one batch
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(5);
        CompletableFuture<Object> blocker = CompletableFuture.supplyAsync(() -> db.inTransaction(c -> {
            running.countDown();
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }), threads);
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Long>> turns = new ArrayList<>();
        for (String id : List.of("y1", "y2")) {
            turns.add(CompletableFuture.supplyAsync(() -> store.record(id, turn(id, ConversationState.NEW, "新的", false)), threads));
        }
        for (String text : List.of("甲", "乙")) { // both from the same state: one of them is stale
            turns.add(CompletableFuture.supplyAsync(() -> store.record("x", turn("x", read, text, false)), threads));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (db.waitingWrites() < turns.size() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(db.waitingWrites()).isEqualTo(turns.size());
        release.countDown();
        blocker.join();
        threads.shutdown();

        int stale = 0;
        for (CompletableFuture<Long> turn : turns) {
            try {
                assertThat(turn.join()).isPositive();
            } catch (CompletionException e) {
                assertThat(e.getCause()).isInstanceOf(StaleTurnException.class);
                stale++;
            }
        }
        assertThat(stale).isEqualTo(1);
        assertThat(texts("y1")).containsExactly("新的", "回复：新的");
        assertThat(texts("y2")).containsExactly("新的", "回复：新的");
        assertThat(texts("x")).hasSize(4).startsWith("你好", "回复：你好");
        assertThat(store.find("x").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void on_postgresql_a_locked_turn_makes_a_rival_turn_wait_and_then_fail() throws Exception {
        open("postgresql");
        store.record("l", turn("l", ConversationState.NEW, "你好", false));
        ConversationState read = store.find("l").orElseThrow();
        ExecutorService threads = Executors.newSingleThreadExecutor();
        List<CompletableFuture<Long>> rival = new ArrayList<>();
        store.recordLocked("l", state -> {
            rival.add(CompletableFuture.supplyAsync(() -> store.record("l", turn("l", read, "对手", false)), threads));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lockWaits() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(lockWaits()).as("the rival waits for the row lock").isEqualTo(1);
            return turn("l", state, "加锁", false);
        });
        assertThatThrownBy(rival.get(0)::join).hasCauseInstanceOf(StaleTurnException.class);
        threads.shutdown();
        assertThat(texts("l")).containsExactly("你好", "回复：你好", "加锁", "回复：加锁");
    }

    private int lockWaits() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND wait_event_type = 'Lock'");
                 ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        });
    }

    /** A turn computed from {@code read}: the user's {@code text}, the bot's 「回复：text」, a handoff if asked. */
    private static Turn turn(String id, ConversationState read, String text, boolean handoff) {
        Reply reply = handoff
                ? new Reply(id, Action.HANDOFF, "human_agent", 0.9, "回复：" + text, null, List.of(),
                        new HandoffRequest("user_request", false), "user_request", "test")
                : new Reply(id, Action.FALLBACK, "oos", 0.8, "回复：" + text, null, List.of(), null, "out_of_scope", "test");
        Instant at = Instant.now();
        ConversationState after = new ConversationState(read.turns() + 1, handoff ? 0 : read.consecutiveFallbacks() + 1,
                null, handoff || read.handedOff(), ConversationState.Context.NONE, at, false, read.version());
        return new Turn(text, reply, after, at);
    }

    private List<String> texts(String id) {
        return store.transcript(id).orElseThrow().stream().map(TranscriptMessage::text).toList();
    }

    private int tickets(String id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM tickets WHERE conversation_id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getInt(1) : 0;
                }
            }
        });
    }
}
