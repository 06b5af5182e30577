package dev.kefu.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseTest {
    @Test
    void the_dialect_comes_from_the_url() {
        assertThat(Database.dialectOf("jdbc:sqlite:kefu-data/kefu.db")).isEqualTo(Database.Dialect.SQLITE);
        assertThat(Database.dialectOf("jdbc:postgresql://db.internal:5432/kefu")).isEqualTo(Database.Dialect.POSTGRESQL);
    }

    @Test
    void another_database_is_refused_without_showing_its_password() {
        assertThatThrownBy(() -> Database.dialectOf("jdbc:mysql://db/kefu?user=kefu&password=s3cret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlite: or jdbc:postgresql:")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void a_password_in_the_url_is_redacted() {
        assertThat(Database.redacted("jdbc:postgresql://db/kefu?user=kefu&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/kefu?user=kefu&password=***&ssl=true");
    }

    @Test
    void an_unreachable_server_is_a_clear_error() {
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/kefu?connectTimeout=1&password=s3cret",
                Database.Credentials.NONE))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot connect to jdbc:postgresql://127.0.0.1:1/kefu")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void a_local_broadcast_reaches_this_process() {
        try (LocalBroadcast broadcast = new LocalBroadcast()) {
            StringBuilder seen = new StringBuilder();
            broadcast.subscribe(seen::append);
            broadcast.publish("{\"event\":\"x\"}");
            assertThat(seen).hasToString("{\"event\":\"x\"}");
            assertThat(broadcast.isConnected()).isTrue();
        }
    }
}
