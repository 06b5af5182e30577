package dev.kefu.dialog.conversation;

import java.util.Objects;

/** The bot's request to transfer a conversation to a person; the handoff queue turns it into a ticket. */
public record HandoffRequest(String reason, boolean priority) {
    public HandoffRequest {
        Objects.requireNonNull(reason, "reason");
    }
}
