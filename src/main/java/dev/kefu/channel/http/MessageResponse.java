package dev.kefu.channel.http;

import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.conversation.Suggestion;
import dev.kefu.handoff.QueueStatus;
import java.util.List;

/** The JSON reply of {@code POST /api/messages} (DESIGN.md, "HTTP"). */
record MessageResponse(String conversationId, String action, String intent, double confidence, String reply,
                       String faqId, List<Suggestion> suggestions, QueueStatus handoff, String reason,
                       Long messageId) {
    static MessageResponse of(Reply reply, QueueStatus handoff) {
        return new MessageResponse(reply.conversationId(), reply.action().wireName(), reply.intent(),
                Math.round(reply.confidence() * 1000) / 1000.0, reply.text(), reply.faqId(), reply.suggestions(),
                handoff, reply.reason(), reply.messageId());
    }
}
