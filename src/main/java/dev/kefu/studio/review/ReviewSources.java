package dev.kefu.studio.review;

import dev.kefu.intent.SentenceEncoder;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the studio's review side reads: the decision log, the review store, the sentence encoder
 * (asked for when the inbox is first read, so a server that nobody reviews on never loads it
 * for this) and the inbox settings.
 */
public record ReviewSources(DecisionLog log, ReviewStore store, Supplier<SentenceEncoder> encoder,
                            ReviewInbox.Settings settings) {
    public ReviewSources {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(settings, "settings");
    }
}
