package dev.kefu.dialog.conversation;

import java.util.List;
import java.util.Optional;

/** Read access to recorded conversations. Implementations are thread-safe. */
public interface Transcripts {
    /** Every message of {@code conversationId} in order; empty when there is no such conversation. */
    Optional<List<TranscriptMessage>> transcript(String conversationId);
}
