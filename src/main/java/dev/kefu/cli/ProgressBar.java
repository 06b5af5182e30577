package dev.kefu.cli;

import dev.kefu.eval.Evaluator;
import dev.kefu.intent.TrainingProgress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A one-line progress bar on stderr with the time elapsed, redrawn in place: at most every 100 ms
 * as steps arrive, and twice a second while none do (a model being fitted, a long fold), so a
 * wait never looks like a hang. The clock thread stops at the last step. When stderr is not a
 * terminal (a log file, a pipe, CI), it writes one line when the stage is done and never a
 * carriage return. Thread-safe.
 */
final class ProgressBar implements Evaluator.Progress, TrainingProgress {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private final String label;
    private final boolean live;
    private final long start = System.nanoTime();
    private ScheduledExecutorService clock;
    private long drawnAt = start - REDRAW_NANOS; // the first step draws at once
    private int done;
    private int total;

    /** A bar drawn in place when {@code err} is the process's stderr and a terminal, else one line at the end. */
    ProgressBar(PrintStream err, String label) {
        this(err, label, Terminals.isTerminal(err));
    }

    /** {@code live}: redraw in place; otherwise one line when the last step arrives. */
    ProgressBar(PrintStream err, String label, boolean live) {
        this.err = err;
        this.label = label;
        this.live = live;
    }

    @Override
    public synchronized void step(int done, int total) {
        this.done = done;
        this.total = total;
        long now = System.nanoTime();
        if (!live) {
            if (done >= total) {
                err.printf(Locale.ROOT, "%s %d/%d in %.1f s%n", label, done, total, (now - start) / 1e9);
                err.flush();
            }
            return;
        }
        if (done >= total) {
            draw(now);
            err.println();
            err.flush();
            stopClock();
        } else if (now - drawnAt >= REDRAW_NANOS) {
            draw(now);
            startClock();
        }
    }

    private void draw(long now) {
        int filled = total == 0 ? WIDTH : Math.min(WIDTH, done * WIDTH / total);
        err.printf(Locale.ROOT, "\r%s [%s%s] %d/%d %.1f s", label, "#".repeat(filled), " ".repeat(WIDTH - filled),
                done, total, (now - start) / 1e9);
        err.flush();
        drawnAt = now;
    }

    private void startClock() {
        if (clock == null) {
            clock = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "progress-bar");
                thread.setDaemon(true);
                return thread;
            });
            clock.scheduleAtFixedRate(this::tick, 500, 500, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void tick() {
        if (clock != null && done < total) {
            draw(System.nanoTime());
        }
    }

    private void stopClock() {
        if (clock != null) {
            clock.shutdownNow();
            clock = null;
        }
    }
}
