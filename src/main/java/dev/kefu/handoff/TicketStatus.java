package dev.kefu.handoff;

import java.util.Locale;

/**
 * The life of a handoff ticket: {@code waiting → assigned → closed}, or back to the bot with
 * {@code handed_back}. A waiting ticket may also be closed or handed back without a claim (spam,
 * a user who left). Closed and handed-back tickets are final.
 */
public enum TicketStatus {
    WAITING, ASSIGNED, CLOSED, HANDED_BACK;

    /** What an agent can do to a ticket. */
    public enum Move { CLAIM, REPLY, CLOSE, HAND_BACK }

    /** True while a person owns or will own the conversation. */
    public boolean isOpen() {
        return this == WAITING || this == ASSIGNED;
    }

    /** The status after {@code move}; throws {@link IllegalMove} with the reason when it is not allowed. */
    public TicketStatus after(Move move) {
        return switch (move) {
            case CLAIM -> require(this == WAITING, move, this == ASSIGNED ? "already claimed" : "ticket is " + wireName(), ASSIGNED);
            case REPLY -> require(this == ASSIGNED, move, this == WAITING ? "claim the ticket first" : "ticket is " + wireName(), ASSIGNED);
            case CLOSE -> require(isOpen(), move, "ticket is already " + wireName(), CLOSED);
            case HAND_BACK -> require(isOpen(), move, "ticket is already " + wireName(), HANDED_BACK);
        };
    }

    private TicketStatus require(boolean allowed, Move move, String reason, TicketStatus next) {
        if (!allowed) {
            throw new IllegalMove(move, this, reason);
        }
        return next;
    }

    /** The lower-case name used in the database and JSON. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named {@code wire} ({@code waiting}, {@code assigned}, …). */
    public static TicketStatus ofWire(String wire) {
        for (TicketStatus status : values()) {
            if (status.wireName().equals(wire)) {
                return status;
            }
        }
        throw new IllegalArgumentException("status must be one of waiting, assigned, closed, handed_back; was " + wire);
    }

    /** A move the ticket's status does not allow. */
    public static final class IllegalMove extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IllegalMove(Move move, TicketStatus from, String reason) {
            super("cannot " + move.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + reason);
        }

        public IllegalMove(String message) {
            super(message);
        }
    }
}
