package dev.kefu.studio;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded change of the draft: which item, the item's revision after it, the item before and
 * after (JSON of its fields; null before a creation and after a removal), who, why and when.
 * {@code id} is 0 until the store has written it.
 */
public record KbChange(long id, Kind kind, String item, long revision, String before, String after, String author,
                       String comment, Instant at) {
    /** What kind of item changed. */
    public enum Kind {
        ENTRY, EXAMPLE;

        /** The name in the database and on the wire. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The kind of {@code wireName}. */
        public static Kind of(String wireName) {
            return valueOf(wireName.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public KbChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(at, "at");
        if (before == null && after == null) {
            throw new IllegalArgumentException("a change has a before, an after, or both");
        }
    }

    /** This change as written by the store, with its id. */
    public KbChange withId(long newId) {
        return new KbChange(newId, kind, item, revision, before, after, author, comment, at);
    }
}
