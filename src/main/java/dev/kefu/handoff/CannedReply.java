package dev.kefu.handoff;

import java.util.Objects;

/** A team reply an agent inserts by typing {@code /shortcut}; {@code text} is masked like every agent text. */
public record CannedReply(String shortcut, String text) {
    public CannedReply {
        Objects.requireNonNull(shortcut, "shortcut");
        Objects.requireNonNull(text, "text");
    }
}
