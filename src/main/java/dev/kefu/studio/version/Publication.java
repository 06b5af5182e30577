package dev.kefu.studio.version;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** One switch of the published version: which, how (gate passed, overridden, rolled back), who, when, why. */
public record Publication(long versionId, Action action, String by, Instant at, String reason) {
    /** How a version came to be published. */
    public enum Action {
        PUBLISH, OVERRIDE, ROLLBACK;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Action of(String wireName) {
            return valueOf(wireName.toUpperCase(Locale.ROOT));
        }
    }

    public Publication {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
    }
}
