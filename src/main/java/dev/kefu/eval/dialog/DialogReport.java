package dev.kefu.eval.dialog;

import java.util.List;

/**
 * The score of scripted conversations: how many passed whole, how many turns passed, and every failed turn.
 *
 * @param conversations  conversations run
 * @param passed         conversations whose every turn passed
 * @param turns          user messages sent
 * @param turnsPassed    messages whose reply was as written
 * @param failures       the failed turns, in script order
 */
public record DialogReport(int conversations, int passed, int turns, int turnsPassed, List<Failure> failures) {
    public DialogReport {
        failures = List.copyOf(failures);
    }

    /** Share of conversations that passed whole (0 when there were none). */
    public double passRate() {
        return conversations == 0 ? 0 : (double) passed / conversations;
    }

    /** Share of turns that passed (0 when there were none). */
    public double turnPassRate() {
        return turns == 0 ? 0 : (double) turnsPassed / turns;
    }

    /** A turn whose reply was not as written: where, the message, what was expected, what came, what differs. */
    public record Failure(String conversation, String where, String text, String expected, String got, String wrong) {
    }
}
