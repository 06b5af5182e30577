package dev.kefu.studio;

import java.util.List;
import java.util.Objects;

/**
 * An intent example of the draft, one line of {@code intents.tsv}: label, text and the FAQ entries
 * that answer it (the optional third column), with a numeric id of its own (lines have none).
 */
public record KbExample(long id, String intent, String text, List<String> faqIds, Placement place, Stamp stamp) {
    public KbExample {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(text, "text");
        faqIds = List.copyOf(faqIds);
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(stamp, "stamp");
        if (id < 1) {
            throw new IllegalArgumentException("id must be >= 1, was " + id);
        }
    }

    /** The same example with other content and stamp, in the same place. */
    public KbExample with(String newIntent, String newText, List<String> newFaqIds, Stamp newStamp) {
        return new KbExample(id, newIntent, newText, newFaqIds, place, newStamp);
    }
}
