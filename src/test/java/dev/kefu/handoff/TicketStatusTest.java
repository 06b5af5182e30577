package dev.kefu.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kefu.handoff.TicketStatus.Move;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every (status, move) pair: the legal ones and their result, the illegal ones and their reason. */
class TicketStatusTest {
    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
        "WAITING, CLAIM, ASSIGNED",
        "WAITING, CLOSE, CLOSED",
        "WAITING, HAND_BACK, HANDED_BACK",
        "ASSIGNED, REPLY, ASSIGNED",
        "ASSIGNED, CLOSE, CLOSED",
        "ASSIGNED, HAND_BACK, HANDED_BACK",
    })
    void legal_moves_lead_to_their_status(TicketStatus from, Move move, TicketStatus to) {
        assertThat(from.after(move)).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} --{1}--> refused: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            WAITING     | REPLY     | cannot reply: claim the ticket first
            ASSIGNED    | CLAIM     | cannot claim: already claimed
            CLOSED      | CLAIM     | cannot claim: ticket is closed
            CLOSED      | REPLY     | cannot reply: ticket is closed
            CLOSED      | CLOSE     | cannot close: ticket is already closed
            CLOSED      | HAND_BACK | cannot hand back: ticket is already closed
            HANDED_BACK | CLAIM     | cannot claim: ticket is handed_back
            HANDED_BACK | REPLY     | cannot reply: ticket is handed_back
            HANDED_BACK | CLOSE     | cannot close: ticket is already handed_back
            HANDED_BACK | HAND_BACK | cannot hand back: ticket is already handed_back
            """)
    void illegal_moves_are_refused_with_the_reason(TicketStatus from, Move move, String reason) {
        assertThatThrownBy(() -> from.after(move)).isInstanceOf(TicketStatus.IllegalMove.class).hasMessage(reason);
    }

    @Test
    void every_pair_not_listed_as_legal_is_refused() {
        Map<String, TicketStatus> legal = Map.of("WAITING CLAIM", TicketStatus.ASSIGNED,
                "WAITING CLOSE", TicketStatus.CLOSED, "WAITING HAND_BACK", TicketStatus.HANDED_BACK,
                "ASSIGNED REPLY", TicketStatus.ASSIGNED, "ASSIGNED CLOSE", TicketStatus.CLOSED,
                "ASSIGNED HAND_BACK", TicketStatus.HANDED_BACK);
        for (TicketStatus from : TicketStatus.values()) {
            for (Move move : Move.values()) {
                TicketStatus expected = legal.get(from + " " + move);
                if (expected != null) {
                    assertThat(from.after(move)).as(from + " " + move).isEqualTo(expected);
                } else {
                    assertThatThrownBy(() -> from.after(move)).as(from + " " + move)
                            .isInstanceOf(TicketStatus.IllegalMove.class);
                }
            }
        }
    }

    @Test
    void only_waiting_and_assigned_are_open_and_wire_names_round_trip() {
        Map<TicketStatus, Boolean> open = Map.of(TicketStatus.WAITING, true, TicketStatus.ASSIGNED, true,
                TicketStatus.CLOSED, false, TicketStatus.HANDED_BACK, false);
        open.forEach((status, isOpen) -> {
            assertThat(status.isOpen()).isEqualTo(isOpen);
            assertThat(TicketStatus.ofWire(status.wireName())).isEqualTo(status);
        });
        assertThatThrownBy(() -> TicketStatus.ofWire("open")).isInstanceOf(IllegalArgumentException.class);
    }
}
