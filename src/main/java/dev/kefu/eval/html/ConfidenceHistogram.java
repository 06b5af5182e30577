package dev.kefu.eval.html;

import static dev.kefu.eval.html.Markup.n;

import dev.kefu.eval.LineOutcome;
import dev.kefu.intent.Intents;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Histograms of the top intent's confidence for three groups of lines, stacked with a shared
 * x axis and one y scale each (wrong answers are few and would vanish on a shared scale):
 * in-scope lines handled correctly, in-scope lines handled wrongly, and {@code oos} lines.
 */
final class ConfidenceHistogram {
    private static final int BINS = 20;
    private static final double W = 560;
    private static final double ROW_H = 110;
    private static final double LEFT = 44;
    private static final double PLOT_W = W - LEFT - 16;
    private static final double BAR_H = ROW_H - 34;

    private record Group(String name, String colour, Predicate<LineOutcome> member) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group("correct", "#2e8b57", o -> o.correct() && !o.gold().equals(Intents.OOS)),
            new Group("wrong", "#d1341f", o -> !o.correct() && !o.gold().equals(Intents.OOS)),
            new Group("oos (gold)", "#7a5cc7", o -> o.gold().equals(Intents.OOS)));

    private ConfidenceHistogram() {
    }

    static String svg(List<LineOutcome> outcomes) {
        double height = GROUPS.size() * ROW_H + 30;
        StringBuilder svg = new StringBuilder(Markup.svgOpen(W, height,
                "Histogram of the top intent's confidence: correct, wrong and out-of-scope lines"));
        for (int g = 0; g < GROUPS.size(); g++) {
            row(svg, GROUPS.get(g), outcomes, g * ROW_H);
        }
        double axisY = GROUPS.size() * ROW_H;
        svg.append("<g class=\"axis\">");
        for (int i = 0; i <= 5; i++) {
            svg.append(Markup.text(LEFT + i / 5.0 * PLOT_W, axisY + 4, "middle", Markup.tick(i / 5.0)));
        }
        svg.append(Markup.text(LEFT + PLOT_W / 2, axisY + 22, "middle", "confidence of the top intent"));
        svg.append("<text transform=\"translate(12 ").append(n(axisY / 2)).append(") rotate(-90)\" text-anchor=\"middle\">")
                .append("lines per bin (each row its own scale)</text>");
        return svg.append("</g></svg>").toString();
    }

    private static void row(StringBuilder svg, Group group, List<LineOutcome> outcomes, double top) {
        int[] counts = new int[BINS];
        int total = 0;
        for (LineOutcome o : outcomes) {
            if (group.member().test(o)) {
                counts[Math.min(BINS - 1, (int) (o.confidence() * BINS))]++;
                total++;
            }
        }
        int max = 1;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        double base = top + 14 + BAR_H;
        svg.append("<g class=\"axis\">").append(Markup.text(LEFT, top + 10, "start", group.name() + " (n = " + total
                + ", tallest bar " + max + ")")).append("</g>");
        svg.append("<line stroke=\"#555\" x1=\"").append(n(LEFT)).append("\" x2=\"").append(n(LEFT + PLOT_W))
                .append("\" y1=\"").append(n(base)).append("\" y2=\"").append(n(base)).append("\"/>");
        svg.append("<g class=\"axis\"><line stroke=\"#555\" x1=\"").append(n(LEFT)).append("\" x2=\"").append(n(LEFT))
                .append("\" y1=\"").append(n(base - BAR_H)).append("\" y2=\"").append(n(base)).append("\"/>")
                .append(Markup.text(LEFT - 4, base, "end", "0"))
                .append(Markup.text(LEFT - 4, base - BAR_H + 8, "end", String.valueOf(max))).append("</g>");
        double barW = PLOT_W / BINS;
        for (int b = 0; b < BINS; b++) {
            if (counts[b] == 0) {
                continue;
            }
            double h = Math.max(1, BAR_H * counts[b] / max);
            svg.append("<rect x=\"").append(n(LEFT + b * barW + 1)).append("\" y=\"").append(n(base - h))
                    .append("\" width=\"").append(n(barW - 2)).append("\" height=\"").append(n(h))
                    .append("\" fill=\"").append(group.colour()).append("\"><title>")
                    .append(Markup.escape(String.format(Locale.ROOT, "%s, confidence %.2f–%.2f: %d",
                            group.name(), b / (double) BINS, (b + 1) / (double) BINS, counts[b])))
                    .append("</title></rect>");
        }
    }
}
