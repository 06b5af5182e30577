package dev.kefu.eval.html;

import static dev.kefu.eval.html.Markup.n;

import dev.kefu.eval.LineOutcome;
import dev.kefu.eval.SweepPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Rates over the answer threshold, with the shipped threshold and (when there is one) the
 * recommended one marked. From the pipeline's threshold sweep when there is one (coverage,
 * auto-answer precision, end-to-end accuracy, oos recall); for a classifier-only run, from the
 * per-line confidences (share of lines at or above the threshold, and accuracy among them).
 */
final class ThresholdCurveChart {
    private static final double W = 560;
    private static final double H = 330;
    private static final double LEFT = 52;
    private static final double TOP = 16;
    private static final double PLOT_W = W - LEFT - 16;
    private static final double PLOT_H = H - TOP - 86;

    private record Curve(String name, String colour, String dash, ToDoubleFunction<SweepPoint> rate) {
    }

    private static final List<Curve> RATES = List.of(
            new Curve("coverage", "#1f6fd1", "", SweepPoint::coverage),
            new Curve("auto-answer precision", "#d1341f", "", SweepPoint::precision));
    private static final List<Curve> PIPELINE = List.of(
            new Curve("end-to-end accuracy", "#2e8b57", "6 3", SweepPoint::e2eAccuracy),
            new Curve("oos recall", "#7a5cc7", "2 3", SweepPoint::oosRecall));

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

    /**
     * @param pipeline    whether the sweep has end-to-end accuracy and oos recall to draw
     * @param shipped     the threshold the models ship with
     * @param recommended the recommended threshold, or null for none
     */
    static String svg(List<SweepPoint> sweep, boolean pipeline, double shipped, Double recommended) {
        List<Curve> curves = new ArrayList<>(RATES);
        if (pipeline) {
            curves.addAll(PIPELINE);
        }
        double low = sweep.stream().mapToDouble(p -> curves.stream().mapToDouble(c -> c.rate().applyAsDouble(p)).min()
                .orElse(0)).min().orElse(0);
        double floor = Math.min(0.8, Math.floor(low * 10) / 10); // zoom in where the curves are
        StringBuilder svg = new StringBuilder(Markup.svgOpen(W, H, "Rates over the answer threshold"));
        axes(svg, floor);
        for (Curve c : curves) {
            svg.append(line(sweep, c, floor));
        }
        marker(svg, "shipped-threshold", shipped, "#222", "4 3", String.format(Locale.ROOT, "shipped %.2f", shipped), 0);
        if (recommended != null) {
            marker(svg, "recommended-threshold", recommended, "#b35900", "",
                    String.format(Locale.ROOT, "recommended %.2f", recommended), 14);
        }
        legend(svg, curves);
        return svg.append("</svg>").toString();
    }

    private static void axes(StringBuilder svg, double floor) {
        svg.append("<g class=\"axis\">");
        for (int i = 0; i <= 5; i++) {
            double v = floor + (1 - floor) * i / 5.0;
            svg.append("<line stroke=\"#ddd\" x1=\"").append(n(x(0))).append("\" x2=\"").append(n(x(1)))
                    .append("\" y1=\"").append(n(y(v, floor))).append("\" y2=\"").append(n(y(v, floor)))
                    .append("\"/>").append(Markup.text(LEFT - 6, y(v, floor) + 4, "end", Markup.rate(v)));
            svg.append(Markup.text(x(i / 5.0), y(floor, floor) + 16, "middle", Markup.tick(i / 5.0)));
        }
        svg.append("<line stroke=\"#555\" x1=\"").append(n(x(0))).append("\" x2=\"").append(n(x(0))).append("\" y1=\"")
                .append(n(TOP)).append("\" y2=\"").append(n(y(floor, floor))).append("\"/>");
        svg.append("<line stroke=\"#555\" x1=\"").append(n(x(0))).append("\" x2=\"").append(n(x(1))).append("\" y1=\"")
                .append(n(y(floor, floor))).append("\" y2=\"").append(n(y(floor, floor))).append("\"/>");
        svg.append(Markup.text(x(0.5), y(floor, floor) + 32, "middle", "answer threshold"));
        String rateAxis = floor > 0 ? String.format(Locale.ROOT, "rate (axis starts at %.2f)", floor) : "rate";
        svg.append("<text transform=\"translate(12 ").append(n(TOP + PLOT_H / 2)).append(") rotate(-90)\" ")
                .append("text-anchor=\"middle\">").append(Markup.escape(rateAxis)).append("</text></g>");
    }

    private static void marker(StringBuilder svg, String id, double at, String colour, String dash, String label, double dy) {
        svg.append("<g id=\"").append(id).append("\" data-threshold=\"").append(String.format(Locale.ROOT, "%.2f", at))
                .append("\"><line stroke=\"").append(colour).append("\" stroke-width=\"1.5\"")
                .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"").append(" x1=\"").append(n(x(at)))
                .append("\" x2=\"").append(n(x(at))).append("\" y1=\"").append(n(TOP + PLOT_H)).append("\" y2=\"")
                .append(n(TOP)).append("\"/>").append(Markup.text(x(at) + 4, TOP + PLOT_H - 6 - dy, "start", label))
                .append("</g>");
    }

    private static String line(List<SweepPoint> sweep, Curve curve, double floor) {
        StringBuilder points = new StringBuilder();
        for (SweepPoint p : sweep) {
            points.append(n(x(p.threshold()))).append(',').append(n(y(curve.rate().applyAsDouble(p), floor))).append(' ');
        }
        return "<polyline fill=\"none\" stroke=\"" + curve.colour() + "\" stroke-width=\"2.5\""
                + (curve.dash().isEmpty() ? "" : " stroke-dasharray=\"" + curve.dash() + "\"") + " points=\""
                + points.toString().strip() + "\"><title>" + curve.name() + "</title></polyline>";
    }

    private static void legend(StringBuilder svg, List<Curve> curves) {
        for (int i = 0; i < curves.size(); i++) {
            double lx = LEFT + (i % 2) * 220;
            double ly = H - 30 + (i / 2) * 18;
            Curve c = curves.get(i);
            svg.append("<line stroke=\"").append(c.colour()).append("\" stroke-width=\"2.5\"")
                    .append(c.dash().isEmpty() ? "" : " stroke-dasharray=\"" + c.dash() + "\"").append(" x1=\"")
                    .append(n(lx)).append("\" x2=\"").append(n(lx + 20)).append("\" y1=\"").append(n(ly - 4))
                    .append("\" y2=\"").append(n(ly - 4)).append("\"/>").append(Markup.text(lx + 26, ly, "start", c.name()));
        }
    }

    private static double x(double threshold) {
        return LEFT + threshold * PLOT_W;
    }

    private static double y(double rate, double floor) {
        return TOP + (1 - rate) / (1 - floor) * PLOT_H;
    }
}
