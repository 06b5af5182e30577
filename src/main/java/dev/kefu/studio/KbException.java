package dev.kefu.studio;

import java.util.Objects;

/**
 * An edit the knowledge base refuses: what kind of refusal, the field it is about (as the HTTP
 * body names it, e.g. {@code paraphrases[2]}; null when none), and for a stale save the item as it
 * is now with the change that made it so.
 */
public final class KbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why an edit is refused. */
    public enum Problem {
        /** The input breaks a rule of the corpus loaders. */
        INVALID,
        /** No such item or change. */
        NOT_FOUND,
        /** The save names a revision another admin has already replaced. */
        STALE,
        /** The phrasing already belongs to another entry. */
        TAKEN
    }

    private final Problem problem;
    private final String field;
    private final transient Object current;
    private final transient KbChange lastChange;

    private KbException(Problem problem, String field, String message, Object current, KbChange lastChange) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.field = field;
        this.current = current;
        this.lastChange = lastChange;
    }

    /** {@code field} breaks a rule: {@code message} says which and how to fix it. */
    public static KbException invalid(String field, String message) {
        return new KbException(Problem.INVALID, field, field == null ? message : field + ": " + message, null, null);
    }

    public static KbException notFound(String message) {
        return new KbException(Problem.NOT_FOUND, null, message, null, null);
    }

    public static KbException taken(String field, String message) {
        return new KbException(Problem.TAKEN, field, field + ": " + message, null, null);
    }

    /** A stale save of an item that is now {@code current} ({@link KbEntry} or {@link KbExample}; null when removed). */
    public static KbException stale(String message, Object current, KbChange lastChange) {
        return new KbException(Problem.STALE, "revision", message, current, lastChange);
    }

    public Problem problem() {
        return problem;
    }

    /** The field the refusal is about, or null. */
    public String field() {
        return field;
    }

    /** For {@link Problem#STALE}: the item as it is now, or null when it was removed. */
    public Object current() {
        return current;
    }

    /** For {@link Problem#STALE}: the change that replaced the revision the save named, or null. */
    public KbChange lastChange() {
        return lastChange;
    }
}
