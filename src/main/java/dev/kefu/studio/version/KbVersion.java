package dev.kefu.studio.version;

import java.time.Instant;
import java.util.Objects;

/**
 * A version of the knowledge base: the draft at {@code draftRevision} and the models trained on it.
 * Training, failed (with the error) or ready (with its report, and its files in the store).
 */
public record KbVersion(long id, Status status, long draftRevision, String createdBy, String comment, Instant createdAt,
                        Instant finishedAt, String error, VersionReport report) {
    /** Where a version is. */
    public enum Status {
        TRAINING, READY, FAILED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public KbVersion {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
