package dev.kefu;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips a test for a missing prerequisite (a browser, PostgreSQL) so that the build output says
 * so in a banner, once per reason and test JVM, instead of a line among the test counts.
 */
public final class LoudSkip {
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    private LoudSkip() {
    }

    /** Aborts the calling test with {@code why}, printing it loudly the first time. */
    public static void abort(String why) {
        if (SAID.add(why)) {
            String line = "*".repeat(100);
            System.err.println(line + "\n*** SKIPPED (tests that need it do not run): " + why + "\n" + line);
        }
        Assumptions.abort(why);
    }
}
