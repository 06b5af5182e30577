package dev.kefu.studio;

import java.time.Instant;
import java.util.Objects;

/**
 * The last change of a knowledge-base item: its revision (1 when created, one more with each save;
 * a save names the revision it edits, so a stale one is refused) and who made it, when.
 */
public record Stamp(long revision, String by, Instant at) {
    public Stamp {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be >= 1, was " + revision);
        }
    }

    /** The stamp of the next save, by {@code author} at {@code when}. */
    public Stamp next(String author, Instant when) {
        return new Stamp(revision + 1, author, when);
    }
}
