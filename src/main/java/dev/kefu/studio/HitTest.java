package dev.kefu.studio;

import java.util.List;
import java.util.Objects;

/**
 * One message put to one version, as the hit test shows it: the likeliest intent and its
 * confidence, the ranked entries with their scores, and the decision the policy takes (action,
 * reason, entry) for the first message of a conversation.
 */
public record HitTest(String version, String intent, double confidence, List<Candidate> candidates, String action,
                      String reason, String faqId) {
    public HitTest {
        Objects.requireNonNull(version, "version");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(action, "action");
    }

    /** An entry that may answer, with the ranker's probability that it is the right one. */
    public record Candidate(String faqId, String question, double score) {
    }

    /** Puts messages to a version (implemented where the models are wired). */
    public interface Runner {
        /** {@code text} against the version serving now. */
        HitTest published(String text);

        /** {@code text} against the last version trained (ready), or null when there is none. */
        HitTest draft(String text);
    }
}
