package dev.kefu.eval.html;

import static dev.kefu.eval.html.Markup.n;

import dev.kefu.eval.LineOutcome;
import dev.kefu.eval.SweepPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Coverage and auto-answer precision over the answer threshold, with a threshold marked. From the
 * pipeline's threshold sweep when there is one; for a classifier-only run, from the per-line
 * confidences (share of lines at or above the threshold, and accuracy among them).
 */
final class ThresholdCurveChart {
    private static final double W = 560;
    private static final double H = 300;
    private static final double LEFT = 44;
    private static final double TOP = 16;
    private static final double PLOT_W = W - LEFT - 16;
    private static final double PLOT_H = H - TOP - 58;
    private static final String COVERAGE = "#1f6fd1";
    private static final String PRECISION = "#d1341f";

    private ThresholdCurveChart() {
    }

    /** Sweep points from the confidences alone, thresholds 0.00–0.99 in steps of 0.01. */
    static List<SweepPoint> fromOutcomes(List<LineOutcome> outcomes) {
        List<SweepPoint> points = new ArrayList<>();
        for (int step = 0; step < 100; step++) {
            double threshold = step / 100.0;
            long kept = outcomes.stream().filter(o -> o.confidence() >= threshold).count();
            long right = outcomes.stream().filter(o -> o.confidence() >= threshold && o.correct()).count();
            double coverage = outcomes.isEmpty() ? 0 : (double) kept / outcomes.size();
            double precision = kept == 0 ? 0 : (double) right / kept;
            points.add(new SweepPoint(threshold, coverage, precision, 0, 0)); // only the two rates are drawn
        }
        return points;
    }

    static String svg(List<SweepPoint> sweep, double marked) {
        double low = sweep.stream().mapToDouble(p -> Math.min(p.coverage(), p.precision())).min().orElse(0);
        double floor = Math.min(0.8, Math.floor(low * 10) / 10); // zoom in where the curves are
        StringBuilder svg = new StringBuilder(Markup.svgOpen(W, H,
                "Coverage and auto-answer precision over the answer threshold"));
        svg.append("<g class=\"axis\">");
        for (int i = 0; i <= 5; i++) {
            double v = floor + (1 - floor) * i / 5.0;
            svg.append("<line stroke=\"#ddd\" x1=\"").append(n(x(0))).append("\" x2=\"").append(n(x(1)))
                    .append("\" y1=\"").append(n(y(v, floor))).append("\" y2=\"").append(n(y(v, floor)))
                    .append("\"/>").append(Markup.text(LEFT - 6, y(v, floor) + 4, "end", Markup.rate(v)));
            svg.append(Markup.text(x(i / 5.0), y(floor, floor) + 16, "middle", Markup.tick(i / 5.0)));
        }
        svg.append(Markup.text(x(0.5), y(floor, floor) + 32, "middle", "answer threshold")).append("</g>");
        svg.append(line(sweep, true, floor)).append(line(sweep, false, floor));
        svg.append("<line stroke=\"#222\" stroke-dasharray=\"4 3\" x1=\"").append(n(x(marked))).append("\" x2=\"")
                .append(n(x(marked))).append("\" y1=\"").append(n(y(floor, floor))).append("\" y2=\"").append(n(TOP))
                .append("\"/>");
        svg.append(Markup.text(x(marked) + 4, TOP + PLOT_H - 6, "start",
                String.format(Locale.ROOT, "shipped threshold %.2f", marked)));
        legend(svg);
        return svg.append("</svg>").toString();
    }

    private static String line(List<SweepPoint> sweep, boolean coverage, double floor) {
        StringBuilder points = new StringBuilder();
        for (SweepPoint p : sweep) {
            points.append(n(x(p.threshold()))).append(',')
                    .append(n(y(coverage ? p.coverage() : p.precision(), floor))).append(' ');
        }
        return "<polyline fill=\"none\" stroke=\"" + (coverage ? COVERAGE : PRECISION) + "\" stroke-width=\"2.5\" points=\""
                + points.toString().strip() + "\"><title>" + (coverage ? "coverage" : "precision")
                + "</title></polyline>";
    }

    private static void legend(StringBuilder svg) {
        double y = H - 8;
        svg.append("<rect x=\"").append(n(LEFT)).append("\" y=\"").append(n(y - 9)).append("\" width=\"14\" height=\"4\" ")
                .append("fill=\"" + COVERAGE + "\"/>").append(Markup.text(LEFT + 18, y - 4, "start", "coverage"));
        svg.append("<rect x=\"").append(n(LEFT + 110)).append("\" y=\"").append(n(y - 9))
                .append("\" width=\"14\" height=\"4\" fill=\"" + PRECISION + "\"/>")
                .append(Markup.text(LEFT + 128, y - 4, "start", "auto-answer precision"));
    }

    private static double x(double threshold) {
        return LEFT + threshold * PLOT_W;
    }

    private static double y(double rate, double floor) {
        return TOP + (1 - rate) / (1 - floor) * PLOT_H;
    }
}
