package dev.kefu.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kefu.channel.webhook.OutboundMessage;
import dev.kefu.channel.webhook.UserPseudonyms;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user-id key kept in a real SQLite file, and rows from before pseudonyms re-keyed in place. */
class ServerKeysTest {
    private static final String CONFIGURED = "a-configured-user-id-key-of-40-characters";

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("kefu.db");
    }

    @Test
    void a_generated_key_is_kept_across_restarts() {
        String before;
        try (Database db = Database.open(url())) {
            before = ServerKeys.userPseudonyms(db, null).pseudonym("generic", "13812345678");
        }
        try (Database db = Database.open(url())) {
            assertThat(ServerKeys.userPseudonyms(db, "").pseudonym("generic", "13812345678")).isEqualTo(before);
        }
    }

    @Test
    void a_configured_key_is_used_and_another_one_later_is_refused() {
        try (Database db = Database.open(url())) {
            assertThat(ServerKeys.userPseudonyms(db, CONFIGURED).pseudonym("generic", "u"))
                    .isEqualTo(new UserPseudonyms(CONFIGURED).pseudonym("generic", "u"));
            assertThat(ServerKeys.userPseudonyms(db, " " + CONFIGURED + " ").fingerprint())
                    .isEqualTo(new UserPseudonyms(CONFIGURED).fingerprint());
            assertThatThrownBy(() -> ServerKeys.userPseudonyms(db, CONFIGURED + "-changed"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("KEFU_USER_ID_KEY")
                    .hasMessageNotContaining(CONFIGURED);
            assertThatThrownBy(() -> ServerKeys.userPseudonyms(db, null))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("server_keys");
        }
    }

    @Test
    void rows_written_before_pseudonyms_are_re_keyed_and_a_pending_reply_still_reaches_its_user() {
        try (Database db = Database.open(url())) {
            UserPseudonyms users = ServerKeys.userPseudonyms(db, null);
            db.inTransaction(c -> {
                execute(c, "INSERT INTO conversations (id, created_at, updated_at, turns, consecutive_fallbacks, "
                        + "handed_off) VALUES ('conv-old', 1, 1, 1, 0, 1)");
                execute(c, "INSERT INTO channel_users (channel, user_id, conversation_id, created_at) "
                        + "VALUES ('generic', '13812345678', 'conv-old', 1)");
                execute(c, "INSERT INTO inbound_messages (channel, user_id, message_id, text_digest, conversation_id, "
                        + "action, confidence, text, reason, bot_message_id, created_at) VALUES ('generic', '13812345678', "
                        + "'m-1', 'd', 'conv-old', 'answer', 0.9, 'ok', 'confident', 0, 1)");
                execute(c, "INSERT INTO outbox (channel, user_id, conversation_id, text, next_attempt_at, created_at, "
                        + "delivered_at) VALUES ('generic', '13812345678', 'conv-old', 'sent before', 0, 1, 2)");
                execute(c, "INSERT INTO outbox (channel, user_id, conversation_id, text, next_attempt_at, created_at) "
                        + "VALUES ('generic', '13812345678', 'conv-old', 'still to send', 0, 1)");
                return 0;
            });
            SqlChannelStore store = new SqlChannelStore(db, Clock.systemUTC(), users);

            assertThat(store.pseudonymizeOldRows()).isEqualTo(4);
            assertThat(store.pseudonymizeOldRows()).isZero();

            assertThat(store.conversationOf("generic", "13812345678")).contains("conv-old");
            List<OutboundMessage> due = store.take(Instant.now(), 10, Duration.ofMinutes(1));
            assertThat(due).singleElement().satisfies(m -> {
                assertThat(m.userId()).isEqualTo("13812345678");
                assertThat(m.text()).isEqualTo("still to send");
            });
            store.delivered(due.get(0).id(), Instant.now());
            assertThat(values(db, "SELECT user_id FROM channel_users UNION ALL SELECT user_id FROM inbound_messages "
                    + "UNION ALL SELECT user_id FROM outbox UNION ALL SELECT COALESCE(address, '-') FROM outbox"))
                    .noneMatch(v -> v.contains("12345678"))
                    .containsOnly(users.pseudonym("generic", "13812345678"), "-");
        }
    }

    @Test
    void a_raw_row_written_by_an_older_instance_after_the_user_was_linked_again_gives_way_to_the_new_link() {
        try (Database db = Database.open(url())) {
            UserPseudonyms users = ServerKeys.userPseudonyms(db, null);
            SqlChannelStore store = new SqlChannelStore(db, Clock.systemUTC(), users);
            String linked = store.conversationFor("generic", "13812345678", "conv-new");
            db.inTransaction(c -> {
                execute(c, "INSERT INTO conversations (id, created_at, updated_at, turns, consecutive_fallbacks, "
                        + "handed_off) VALUES ('conv-old', 1, 1, 1, 0, 0)");
                execute(c, "INSERT INTO channel_users (channel, user_id, conversation_id, created_at) "
                        + "VALUES ('generic', '13812345678', 'conv-old', 1)");
                return 0;
            });

            store.pseudonymizeOldRows();

            assertThat(store.conversationOf("generic", "13812345678")).contains(linked);
            assertThat(values(db, "SELECT user_id FROM channel_users")).containsExactly(users.pseudonym("generic",
                    "13812345678"));
        }
    }

    private static void execute(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }

    private static List<String> values(Database db, String sql) {
        return db.read(c -> {
            List<String> values = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
            return values;
        });
    }
}
