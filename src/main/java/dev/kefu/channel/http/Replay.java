package dev.kefu.channel.http;

import java.time.Clock;
import java.time.Duration;

/** The replay window shared by the webhooks: a signed timestamp far from the server's clock is refused (401). */
final class Replay {
    private Replay() {
    }

    /** Returns the timestamp in Unix seconds, or throws 401 when it is missing, not a number, or outside {@code window}. */
    static long requireFresh(String timestamp, Clock clock, Duration window, String name) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp == null ? "" : timestamp.strip());
        } catch (NumberFormatException e) {
            throw new ApiException(401, name + " must be Unix seconds");
        }
        if (Math.abs(clock.instant().getEpochSecond() - seconds) > window.toSeconds()) {
            throw new ApiException(401, name + " is more than " + describe(window)
                    + " from now (a replayed request, or a wrong clock)");
        }
        return seconds;
    }

    private static String describe(Duration window) {
        long s = window.toSeconds();
        return s % 60 == 0 ? s / 60 + (s == 60 ? " minute" : " minutes") : s + " seconds";
    }
}
