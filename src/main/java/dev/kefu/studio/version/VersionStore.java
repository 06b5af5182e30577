package dev.kefu.studio.version;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Durable versions, their files and the published pointer. Implementations are thread-safe. */
public interface VersionStore {
    /** A new version in training, of the draft at {@code draftRevision}. */
    KbVersion create(long draftRevision, String by, String comment, Instant at);

    /** Marks {@code id} ready with its report, writing its files in the same transaction. */
    void finish(long id, VersionReport report, Map<String, byte[]> files, Instant at);

    /** Marks {@code id} failed. */
    void fail(long id, String error, Instant at);

    /**
     * Marks failed, with {@code error}, the versions still training that were started before
     * {@code before} (their instance stopped while training them); returns how many.
     */
    int failTrainingBefore(Instant before, String error, Instant at);

    /** Every version, newest first. */
    List<KbVersion> list();

    Optional<KbVersion> get(long id);

    /** The files of a ready version, by path relative to its models directory. */
    Map<String, byte[]> files(long id);

    /** The version every instance serves now; empty while none was published (the model files serve). */
    Optional<Publication> published();

    /** Switches the published pointer to {@code publication}'s version and records it, in one transaction. */
    void publish(Publication publication);

    /** Every publication, newest first. */
    List<Publication> publications();
}
