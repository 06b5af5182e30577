package dev.kefu.dialog.conversation;

import dev.kefu.dialog.policy.ConversationState;
import java.time.Instant;
import java.util.Objects;

/** One exchange: what the user wrote (as written), the bot's reply, and the state after it. */
public record Turn(String userText, Reply reply, ConversationState after, Instant at) {
    public Turn {
        Objects.requireNonNull(userText, "userText");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(at, "at");
    }
}
