package dev.kefu.studio.review;

/** A review that cannot be recorded: {@code conflict} when a message was reviewed already, else an unknown message. */
public final class ReviewException extends RuntimeException {
    private final boolean conflict;
    private final long messageId;

    public ReviewException(long messageId, boolean conflict, String message) {
        super(message);
        this.messageId = messageId;
        this.conflict = conflict;
    }

    /** True when the message was reviewed already (by someone else, or twice). */
    public boolean conflict() {
        return conflict;
    }

    /** The message at fault. */
    public long messageId() {
        return messageId;
    }
}
