package dev.kefu.channel.http;

import dev.kefu.dialog.conversation.TranscriptMessage;
import java.util.List;
import java.util.Set;

/**
 * What the agent's FAQ suggestions are computed from: the user's last message about the problem,
 * not the 「转人工」 that handed it over nor small talk. A user line counts by the intent the bot
 * gave it (on the bot line that follows); lines the bot never answered (said to the agent) count
 * as problem messages. Stateless.
 */
final class ProblemMessages {
    /** Intents that say nothing about the problem. */
    private static final Set<String> NOT_THE_PROBLEM = Set.of("human_agent", "greeting", "thanks", "goodbye");

    private ProblemMessages() {
    }

    /** The text to suggest answers for; empty when the user said nothing about a problem. */
    static String of(List<TranscriptMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            TranscriptMessage m = messages.get(i);
            if (!m.role().equals("user")) {
                continue;
            }
            TranscriptMessage next = i + 1 < messages.size() ? messages.get(i + 1) : null;
            String intent = next != null && next.role().equals("bot") ? next.intent() : null;
            if (intent == null || !NOT_THE_PROBLEM.contains(intent)) {
                return m.text();
            }
        }
        return "";
    }
}
