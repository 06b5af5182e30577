package dev.kefu.report;

import java.time.Instant;

/** Computes {@link DeskReport}s from what the desk stored. Implementations are thread-safe. */
public interface DeskReports {
    /** The report over {@code [from, to)}. */
    DeskReport report(Instant from, Instant to);
}
