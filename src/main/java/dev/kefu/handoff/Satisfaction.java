package dev.kefu.handoff;

import java.util.Objects;

/** A customer's rating of an agent's service: {@code stars} 1-5 and an optional (masked) comment. */
public record Satisfaction(String ticketId, int stars, String comment) {
    public static final int MAX_COMMENT = 500;

    public Satisfaction {
        Objects.requireNonNull(ticketId, "ticketId");
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("stars must be 1..5, was " + stars);
        }
    }
}
