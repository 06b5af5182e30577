package dev.kefu.handoff;

/** No ticket has the given id. */
public final class UnknownTicketException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownTicketException(String ticketId) {
        super("no ticket " + ticketId);
    }
}
