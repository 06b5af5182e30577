package dev.kefu.studio;

import dev.kefu.faq.FaqEntry;
import java.util.Objects;

/** An FAQ entry of the draft: its content, where it sits in {@code faq.txt}, and its last change. */
public record KbEntry(FaqEntry faq, Placement place, Stamp stamp) {
    public KbEntry {
        Objects.requireNonNull(faq, "faq");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(stamp, "stamp");
    }

    public String id() {
        return faq.id();
    }
}
