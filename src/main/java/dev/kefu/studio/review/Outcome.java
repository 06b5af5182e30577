package dev.kefu.studio.review;

import java.util.Locale;
import java.util.Optional;

/** What an admin made of a message in the review inbox. */
public enum Outcome {
    /** Added as a phrasing of an existing entry. */
    ADDED_TO_ENTRY,
    /** Made into a new entry. */
    NEW_ENTRY,
    /** Marked as a message the bot must not answer (an {@code oos} example). */
    OUT_OF_SCOPE,
    /** Nothing to learn from it. */
    DISMISSED;

    /** The lower-case name used in JSON and the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome named {@code wire}; empty for any other text. */
    public static Optional<Outcome> named(String wire) {
        for (Outcome o : values()) {
            if (o.wireName().equals(wire)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** Whether the outcome names the entry the message went to. */
    public boolean needsEntry() {
        return this == ADDED_TO_ENTRY || this == NEW_ENTRY;
    }
}
