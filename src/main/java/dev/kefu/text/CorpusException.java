package dev.kefu.text;

import java.nio.file.Path;

/**
 * A corpus or model file that cannot be used, with the place and the reason:
 * {@code corpus/intents.tsv:37: expected intent<TAB>text, found no tab}.
 */
public final class CorpusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CorpusException(String message) {
        super(message);
    }

    public CorpusException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An error at one line of a file, formatted as {@code file:line: what is wrong}. */
    public static CorpusException at(Path file, int line, String what) {
        return new CorpusException(file + ":" + line + ": " + what);
    }
}
