package dev.kefu.cli;

import dev.kefu.eval.Evaluator;
import java.io.PrintStream;

/** A one-line progress bar on stderr, redrawn in place. */
final class ProgressBar implements Evaluator.Progress {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final String label;

    ProgressBar(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public void step(int done, int total) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total);
        if (done >= total) {
            err.println();
        }
        err.flush();
    }
}
