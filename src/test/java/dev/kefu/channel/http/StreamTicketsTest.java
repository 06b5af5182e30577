package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kefu.dialog.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class StreamTicketsTest {
    private static final Instant START = Instant.parse("2026-11-26T08:00:00.400Z");
    private final TestClock clock = new TestClock(START);
    private final StreamTickets tickets = new StreamTickets("the-agent-token", clock);

    @Test
    void a_ticket_names_its_agent_until_it_expires() {
        String ticket = tickets.issue("li.na 2");
        clock.advance(StreamTickets.TTL.minusSeconds(1));
        assertThat(tickets.verify(ticket)).isEqualTo("li.na 2");
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> tickets.verify(ticket)).isInstanceOf(ApiException.class)
                .hasMessageContaining("expired").extracting(e -> ((ApiException) e).status()).isEqualTo(401);
    }

    @Test
    void another_instance_with_the_same_token_accepts_the_ticket_and_one_with_another_token_does_not() {
        String ticket = tickets.issue("li");
        assertThat(new StreamTickets(" the-agent-token ", clock).verify(ticket)).isEqualTo("li");
        assertThatThrownBy(() -> new StreamTickets("another-token", clock).verify(ticket))
                .hasMessageContaining("invalid stream ticket");
    }

    @Test
    void a_ticket_with_another_name_or_a_later_expiry_is_refused() {
        String[] parts = tickets.issue("li").split("\\.");
        String wang = Base64.getUrlEncoder().withoutPadding().encodeToString("wang".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> tickets.verify(parts[0] + "." + wang + "." + parts[2]))
                .hasMessageContaining("invalid stream ticket");
        long later = Long.parseLong(parts[0]) + 3600;
        assertThatThrownBy(() -> tickets.verify(later + "." + parts[1] + "." + parts[2]))
                .hasMessageContaining("invalid stream ticket");
    }

    @Test
    void malformed_tickets_are_refused_with_401() {
        for (String ticket : new String[] {"", "abc", "1.2", "1.2.3.4", "x.bGk.%%%", "9".repeat(300)}) {
            assertThatThrownBy(() -> tickets.verify(ticket)).as(ticket).isInstanceOf(ApiException.class)
                    .hasMessageContaining("invalid stream ticket");
        }
    }
}
