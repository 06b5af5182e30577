package dev.kefu.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The desk over {@code [from, to)}: conversations started, those handed to a person, handoffs by
 * reason, mean seconds from handoff to the first agent message and from claim to close (null
 * without data), and the satisfaction ratings by agent and overall.
 */
public record DeskReport(Instant from, Instant to, long conversations, long handedOff, List<Count> handoffsByReason,
                         Double firstResponseSeconds, Double handleSeconds, List<AgentRating> satisfactionByAgent,
                         long ratings, Double meanStars) {
    public DeskReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        handoffsByReason = List.copyOf(handoffsByReason);
        satisfactionByAgent = List.copyOf(satisfactionByAgent);
    }

    /** The share of conversations the bot handled without a person; null without conversations. */
    public Double botResolutionRate() {
        return conversations == 0 ? null : Math.max(0, conversations - handedOff) / (double) conversations;
    }

    /** How many tickets had {@code key} as their reason. */
    public record Count(String key, long count) {
        public Count {
            Objects.requireNonNull(key, "key");
        }
    }

    /** One agent's ratings: how many, their mean stars, and how many chats the agent closed. */
    public record AgentRating(String login, String displayName, long ratings, double meanStars, long closed) {
        public AgentRating {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(displayName, "displayName");
        }
    }
}
