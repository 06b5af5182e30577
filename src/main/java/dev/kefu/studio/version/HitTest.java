package dev.kefu.studio.version;

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

    /** Entries shown per version. */
    static final int CANDIDATES = 5;

    /**
     * {@code text} (masked) through {@code engine}, which must keep conversations of its own (an
     * in-memory store: nothing is recorded); the decision is the policy's for a first message.
     */
    public static HitTest of(dev.kefu.dialog.ChatEngine engine, String version, String text) {
        var analysis = engine.analyzer().analyze(text);
        List<Candidate> candidates = analysis.ranking().answers().stream().limit(CANDIDATES)
                .map(hit -> new Candidate(hit.entry().id(), hit.entry().question(), hit.score())).toList();
        var reply = engine.reply("hit-test", text);
        return new HitTest(version, analysis.prediction().top().label(), analysis.prediction().top().confidence(),
                candidates, reply.action().wireName(), reply.reason(), reply.faqId());
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
