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
        TAKEN,
        /** A training runs already (one at a time). */
        BUSY,
        /** The regression gate refuses to publish (see {@link #reasons()}). */
        GATE
    }

    private final Problem problem;
    private final String field;
    private final transient Object current;
    private final transient KbChange lastChange;
    private final transient java.util.List<String> reasons;

    private KbException(Problem problem, String field, String message, Object current, KbChange lastChange) {
        this(problem, field, message, current, lastChange, java.util.List.of());
    }

    private KbException(Problem problem, String field, String message, Object current, KbChange lastChange,
                        java.util.List<String> reasons) {
        super(message);
        this.reasons = java.util.List.copyOf(reasons);
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

    public static KbException busy(String message) {
        return new KbException(Problem.BUSY, null, message, null, null);
    }

    /** The gate refuses: {@code reasons} say which figure dropped or which line broke. */
    public static KbException gate(java.util.List<String> reasons) {
        return new KbException(Problem.GATE, null, "the regression gate refuses to publish: " + String.join("; ", reasons)
                + "; an admin may publish anyway with a reason (override)", null, null, reasons);
    }

    /** For {@link Problem#GATE}: why. */
    public java.util.List<String> reasons() {
        return reasons;
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
