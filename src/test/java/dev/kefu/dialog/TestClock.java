package dev.kefu.dialog;

import dev.kefu.eval.dialog.SteppedClock;
import java.time.Instant;

/** A clock that only moves when a test says so ({@link #advance}). Not thread-safe. */
public final class TestClock extends SteppedClock {
    public TestClock(Instant start) {
        super(start);
    }
}
