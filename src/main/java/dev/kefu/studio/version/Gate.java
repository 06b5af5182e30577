package dev.kefu.studio.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The regression gate: a version may be published when its answer accuracy and precision on
 * {@code eval.tsv} drop by at most {@code margin} against the version serving now, and every line
 * marked "must not break" is answered right. Pure.
 */
public record Gate(double margin) {
    /** The margin when no setting gives one: one point of accuracy or precision. */
    public static final double DEFAULT_MARGIN = 0.01;

    public Gate {
        if (margin < 0 || margin > 1) {
            throw new IllegalArgumentException("the gate's margin must be 0..1, was " + margin);
        }
    }

    /** Why {@code candidate} may not replace {@code serving} (null: nothing to compare with); empty when it may. */
    public List<String> refusals(VersionReport candidate, VersionReport serving, Set<String> mustNotBreak) {
        List<String> reasons = new ArrayList<>();
        if (serving != null) {
            drop("answer accuracy", serving.answerAccuracy(), candidate.answerAccuracy(), reasons);
            drop("answer precision", serving.answerPrecision(), candidate.answerPrecision(), reasons);
        }
        for (VersionReport.Outcome line : candidate.lines()) {
            if (mustNotBreak.contains(line.text()) && !line.right()) {
                reasons.add("the must-not-break line '" + line.text() + "' fails (" + line.action()
                        + (line.faqId() == null ? "" : " " + line.faqId()) + ")");
            }
        }
        return reasons;
    }

    private void drop(String what, double before, double after, List<String> reasons) {
        if (before - after > margin + 1e-9) {
            reasons.add(String.format(Locale.ROOT, "%s drops from %.3f to %.3f (by more than %.3f)", what, before, after,
                    margin));
        }
    }

    /** The lines of {@code eval.tsv} whose outcome differs between {@code before} and {@code after}. */
    public static List<Change> changed(VersionReport before, VersionReport after) {
        List<Change> changes = new ArrayList<>();
        java.util.Map<String, VersionReport.Outcome> old = new java.util.HashMap<>();
        before.lines().forEach(o -> old.putIfAbsent(o.text(), o));
        for (VersionReport.Outcome now : after.lines()) {
            VersionReport.Outcome then = old.get(now.text());
            if (then != null && (!then.sameAs(now) || then.right() != now.right())) {
                changes.add(new Change(then, now));
            }
        }
        return changes;
    }

    /** One line's outcome before and after. */
    public record Change(VersionReport.Outcome before, VersionReport.Outcome after) {
    }
}
