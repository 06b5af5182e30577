package dev.kefu.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Cross-validation summary: each figure as mean and standard deviation over the folds. The
 * pipeline figures and the sweep are null for a classifier-only run; the answer-level figures are
 * null when no held-out line names its FAQ entries. {@code answerConfusion} adds up the folds'
 * entry confusions (each held-out line is scored once): where more phrasings would help;
 * {@code answerErrors} lists the held-out lines answered with a wrong entry, most confident first.
 */
public record CvReport(int folds, Stat accuracy, Stat macroF1, Stat e2eAccuracy, Stat oosRecall,
                       Stat autoAnswerPrecision, Stat coverage, List<SweepPoint> thresholdSweep,
                       Stat answerAccuracy, Stat answerPrecision, Stat answerTop3,
                       List<AnswerScores.Confusion> answerConfusion, List<AnswerScores.Miss> answerErrors) {
    public CvReport {
        thresholdSweep = thresholdSweep == null ? null : List.copyOf(thresholdSweep);
        answerConfusion = answerConfusion == null ? null : List.copyOf(answerConfusion);
        answerErrors = answerErrors == null ? null : List.copyOf(answerErrors);
    }

    /** Mean and sample standard deviation. */
    public record Stat(double mean, double sd) {
        static Stat of(List<EvalReport> reports, Function<EvalReport, ? extends Number> metric) {
            double[] values = reports.stream().mapToDouble(r -> metric.apply(r).doubleValue()).toArray();
            double mean = Arrays.stream(values).average().orElse(0);
            double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
            return new Stat(mean, values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0);
        }
    }

    static CvReport of(int folds, List<EvalReport> reports) {
        if (reports.get(0).thresholdSweep() == null) {
            return new CvReport(folds, Stat.of(reports, EvalReport::accuracy), Stat.of(reports, EvalReport::macroF1),
                    null, null, null, null, null, null, null, null, null, null);
        }
        List<SweepPoint> sweep = new ArrayList<>();
        int points = reports.get(0).thresholdSweep().size();
        for (int p = 0; p < points; p++) {
            int index = p;
            List<SweepPoint> at = reports.stream().map(r -> r.thresholdSweep().get(index)).toList();
            sweep.add(new SweepPoint(at.get(0).threshold(), mean(at, SweepPoint::coverage),
                    mean(at, SweepPoint::precision), mean(at, SweepPoint::e2eAccuracy), mean(at, SweepPoint::oosRecall),
                    at.get(0).answerAccuracy() == null ? null : mean(at, SweepPoint::answerAccuracy),
                    at.get(0).answerPrecision() == null ? null : mean(at, SweepPoint::answerPrecision)));
        }
        return new CvReport(folds, Stat.of(reports, EvalReport::accuracy), Stat.of(reports, EvalReport::macroF1),
                Stat.of(reports, EvalReport::e2eAccuracy), Stat.of(reports, EvalReport::oosRecall),
                Stat.of(reports, EvalReport::autoAnswerPrecision), Stat.of(reports, EvalReport::coverage), sweep,
                answerStat(reports, AnswerScores::answerAccuracy), answerStat(reports, AnswerScores::answerPrecision),
                answerStat(reports, AnswerScores::answerTop3), confusion(reports), errors(reports));
    }

    /** Every fold's lines answered with a wrong entry, most confident first; null without answer scores. */
    private static List<AnswerScores.Miss> errors(List<EvalReport> reports) {
        List<EvalReport> scored = reports.stream().filter(r -> r.answers() != null).toList();
        if (scored.isEmpty()) {
            return null;
        }
        return scored.stream().flatMap(r -> r.answers().answerErrors().stream())
                .sorted(Comparator.comparingDouble(AnswerScores.Miss::confidence).reversed()).toList();
    }

    /** The folds' entry confusions added up, most frequent first (ties by name); null without answer scores. */
    private static List<AnswerScores.Confusion> confusion(List<EvalReport> reports) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        boolean scored = false;
        for (EvalReport report : reports) {
            if (report.answers() != null) {
                scored = true;
                report.answers().answerConfusion().forEach(c ->
                        counts.merge(List.of(c.expected(), c.shown()), c.count(), Integer::sum));
            }
        }
        if (!scored) {
            return null;
        }
        return counts.entrySet().stream()
                .map(e -> new AnswerScores.Confusion(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparingInt(AnswerScores.Confusion::count).reversed()
                        .thenComparing(AnswerScores.Confusion::expected).thenComparing(AnswerScores.Confusion::shown))
                .toList();
    }

    /** An answer-level figure over the folds; null when no fold has one. */
    private static Stat answerStat(List<EvalReport> reports, Function<AnswerScores, Double> metric) {
        List<EvalReport> scored = reports.stream().filter(r -> r.answers() != null).toList();
        return scored.isEmpty() ? null : Stat.of(scored, r -> metric.apply(r.answers()));
    }

    private static double mean(List<SweepPoint> points, ToDoubleFunction<SweepPoint> metric) {
        return points.stream().mapToDouble(metric).average().orElse(0);
    }
}
