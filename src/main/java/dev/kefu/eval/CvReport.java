package dev.kefu.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Cross-validation summary: each figure as mean and standard deviation over the folds. The
 * pipeline figures and the sweep are null for a classifier-only run.
 */
public record CvReport(int folds, Stat accuracy, Stat macroF1, Stat e2eAccuracy, Stat oosRecall,
                       Stat autoAnswerPrecision, Stat coverage, List<SweepPoint> thresholdSweep) {
    public CvReport {
        thresholdSweep = thresholdSweep == null ? null : List.copyOf(thresholdSweep);
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
                    null, null, null, null, null);
        }
        List<SweepPoint> sweep = new ArrayList<>();
        int points = reports.get(0).thresholdSweep().size();
        for (int p = 0; p < points; p++) {
            int index = p;
            List<SweepPoint> at = reports.stream().map(r -> r.thresholdSweep().get(index)).toList();
            sweep.add(new SweepPoint(at.get(0).threshold(), mean(at, SweepPoint::coverage),
                    mean(at, SweepPoint::precision), mean(at, SweepPoint::e2eAccuracy), mean(at, SweepPoint::oosRecall)));
        }
        return new CvReport(folds, Stat.of(reports, EvalReport::accuracy), Stat.of(reports, EvalReport::macroF1),
                Stat.of(reports, EvalReport::e2eAccuracy), Stat.of(reports, EvalReport::oosRecall),
                Stat.of(reports, EvalReport::autoAnswerPrecision), Stat.of(reports, EvalReport::coverage), sweep);
    }

    private static double mean(List<SweepPoint> points, ToDoubleFunction<SweepPoint> metric) {
        return points.stream().mapToDouble(metric).average().orElse(0);
    }
}
