package dev.kefu.cli;

import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.eval.AnswerScores;
import dev.kefu.eval.CvReport;
import dev.kefu.eval.EvalReport;
import dev.kefu.eval.LabelScores;
import dev.kefu.eval.SweepPoint;
import dev.kefu.eval.ThresholdAdvice;
import dev.kefu.eval.dialog.DialogReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The plain-text summaries {@code eval} prints: report, cross-validation, sweep, threshold advice. */
final class EvalSummary {
    private EvalSummary() {
    }

    static void print(EvalReport r, int maxErrors, PrintStream out) {
        out.printf(Locale.ROOT, "n %d   intent accuracy %.3f   macro-F1 %.3f%n", r.n(), r.accuracy(), r.macroF1());
        if (r.e2eAccuracy() != null) {
            out.printf(Locale.ROOT, "end to end %.3f   oos recall %.3f   auto-answer precision %.3f   coverage %.3f"
                    + "   (answer threshold %.2f)%n", r.e2eAccuracy(), r.oosRecall(), r.autoAnswerPrecision(),
                    r.coverage(), r.answerThreshold());
            out.println("actions " + r.actions());
        }
        if (r.answers() != null) {
            AnswerScores a = r.answers();
            out.printf(Locale.ROOT, "answer accuracy %.3f   answer precision %.3f   answer top-3 %.3f   (%d lines name"
                    + " their FAQ entries)%n", a.answerAccuracy(), a.answerPrecision(), a.answerTop3(), a.answerLines());
        }
        out.printf(Locale.ROOT, "latency p50 %.0f us, p99 %.0f us, one thread; %.0f messages/s%n",
                r.latencyUs().p50(), r.latencyUs().p99(), r.throughputPerS());
        out.println();
        out.printf("%-22s %9s %9s %9s %8s%n", "label", "precision", "recall", "f1", "support");
        for (Map.Entry<String, LabelScores> e : new TreeMap<>(r.perLabel()).entrySet()) {
            LabelScores s = e.getValue();
            out.printf(Locale.ROOT, "%-22s %9.3f %9.3f %9.3f %8d%n", e.getKey(), s.precision(), s.recall(), s.f1(),
                    s.support());
        }
        if (r.thresholdSweep() != null) {
            printSweep(r.thresholdSweep(), out);
        }
        if (r.answers() != null && !r.answers().answerConfusion().isEmpty()) {
            out.println();
            out.println("entries shown instead of the right one (expected -> shown, count):");
            r.answers().answerConfusion().stream().limit(maxErrors).forEach(c -> out.printf(Locale.ROOT,
                    "  %-28s -> %-28s %d%n", c.expected(), c.shown(), c.count()));
            out.println();
            out.println("wrong entries (" + r.answers().answerErrors().size() + ", most confident first):");
            r.answers().answerErrors().stream().limit(maxErrors).forEach(m -> out.printf(Locale.ROOT,
                    "  %-28s -> %-28s %.2f %s%n", String.join(",", m.expected()), m.shown(), m.confidence(), m.text()));
        }
        out.println();
        out.println("errors (" + r.errors().size() + ", most confident first):");
        r.errors().stream().limit(maxErrors).forEach(e -> out.printf(Locale.ROOT, "  %-20s -> %-20s %.2f %-8s %s | %s%n",
                e.gold(), e.predicted(), e.confidence(), e.action(), e.text(), e.reason()));
    }

    static void printCv(CvReport report, String what, PrintStream out) {
        out.printf(Locale.ROOT, "%d-fold cross-validation on %s%n", report.folds(), what);
        printStat("intent accuracy", report.accuracy(), out);
        printStat("macro-F1", report.macroF1(), out);
        if (report.e2eAccuracy() == null) {
            return;
        }
        printStat("end to end", report.e2eAccuracy(), out);
        printStat("oos recall", report.oosRecall(), out);
        printStat("auto-answer precision", report.autoAnswerPrecision(), out);
        printStat("coverage", report.coverage(), out);
        if (report.answerAccuracy() != null) {
            printStat("answer accuracy", report.answerAccuracy(), out);
            printStat("answer precision", report.answerPrecision(), out);
            printStat("answer top-3", report.answerTop3(), out);
        }
        printSweep(report.thresholdSweep(), out);
    }

    /**
     * What an answer-level cross-validation got wrong, added up over its folds: the entry
     * confusions, then the held-out lines answered with a wrong entry.
     */
    static void printCvAnswerErrors(CvReport report, int maxErrors, PrintStream out) {
        if (report.answerConfusion() == null || report.answerConfusion().isEmpty()) {
            return;
        }
        out.println();
        out.println("entries shown instead of the right one, all folds (expected -> shown, count):");
        report.answerConfusion().stream().limit(maxErrors).forEach(c -> out.printf(Locale.ROOT,
                "  %-28s -> %-28s %d%n", c.expected(), c.shown(), c.count()));
        out.println();
        out.println("held-out lines answered with a wrong entry, all folds (" + report.answerErrors().size()
                + ", most confident first):");
        report.answerErrors().stream().limit(maxErrors).forEach(m -> out.printf(Locale.ROOT,
                "  %-28s -> %-28s %.2f %s%n", String.join(",", m.expected()), m.shown(), m.confidence(), m.text()));
    }

    private static void printStat(String name, CvReport.Stat stat, PrintStream out) {
        out.printf(Locale.ROOT, "  %-22s %.3f ± %.3f%n", name, stat.mean(), stat.sd());
    }

    static void printAdvice(List<SweepPoint> sweep, double target, PrintStream out) {
        double shipped = Thresholds.DEFAULT.answer();
        out.println();
        ThresholdAdvice.of(sweep, target).ifPresentOrElse(a -> out.printf(Locale.ROOT,
                "recommended answer threshold %.2f: precision %.3f >= %.2f at coverage %.3f, oos recall %.3f; "
                        + "shipped %.2f is %s%n", a.best().threshold(), a.best().precision(), target,
                a.best().coverage(), a.best().oosRecall(), shipped,
                Math.abs(a.best().threshold() - shipped) <= 0.05 + 1e-9 ? "near it" : "NOT near it"),
                () -> out.printf(Locale.ROOT, "no answer threshold reaches precision %.2f%n", target));
    }

    private static void printSweep(List<SweepPoint> sweep, PrintStream out) {
        out.println();
        boolean entries = !sweep.isEmpty() && sweep.get(0).answerAccuracy() != null;
        out.println("answer threshold   coverage   precision   end-to-end   oos recall"
                + (entries ? "   answer acc   answer prec" : ""));
        for (SweepPoint p : sweep) {
            out.printf(Locale.ROOT, "%16.2f %10.3f %11.3f %12.3f %12.3f", p.threshold(), p.coverage(),
                    p.precision(), p.e2eAccuracy(), p.oosRecall());
            out.println(entries ? String.format(Locale.ROOT, " %12.3f %13.3f", p.answerAccuracy(), p.answerPrecision())
                    : "");
        }
    }

    /** The pass rates of scripted conversations and their first {@code errors} failed turns. */
    static void printDialogs(DialogReport report, String what, int errors, PrintStream out) {
        out.printf(Locale.ROOT, "conversations from %s%n", what);
        out.printf(Locale.ROOT, "  %-22s %.3f (%d of %d)%n", "conversations passed", report.passRate(), report.passed(),
                report.conversations());
        out.printf(Locale.ROOT, "  %-22s %.3f (%d of %d)%n", "turns passed", report.turnPassRate(), report.turnsPassed(),
                report.turns());
        if (report.failures().isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "%nfailed turns (%d, showing %d):%n", report.failures().size(),
                Math.min(errors, report.failures().size()));
        for (DialogReport.Failure f : report.failures().stream().limit(errors).toList()) {
            out.printf(Locale.ROOT, "  %s [%s] %s%n      expected %s%n      got      %s%n      %s%n", f.where(),
                    f.conversation(), f.text(), f.expected(), f.got(), f.wrong());
        }
    }
}
