package dev.kefu.dialog.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConversationIdsTest {
    @Test
    void ids_are_version_7_uuids_unique_and_ordered_by_creation_time() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(ConversationIds.next());
            if (i % 100 == 0) {
                Thread.sleep(2); // across milliseconds
            }
        }
        assertThat(new HashSet<>(ids)).hasSize(1000);
        UUID first = UUID.fromString(ids.get(0));
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(ids.get(999).substring(0, 13)).isGreaterThan(ids.get(0).substring(0, 13));
        long millis = UUID.fromString(ids.get(999)).getMostSignificantBits() >>> 16;
        assertThat(Math.abs(System.currentTimeMillis() - millis)).isLessThan(5_000);
    }
}
