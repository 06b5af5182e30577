package dev.kefu.eval.html;

import static dev.kefu.eval.html.Markup.n;

import java.util.List;
import java.util.Locale;

/** Horizontal bars, one a row, in the order given (the caller puts the worst first), with a value axis. Stateless. */
final class BarChart {
    private static final double W = 560;
    private static final double LEFT = 170;
    private static final double RIGHT = 50;
    private static final double ROW = 18;
    private static final double TOP = 8;
    private static final double PLOT_W = W - LEFT - RIGHT;

    /** One bar: its label, its value, and how the value is written beside it. */
    record Bar(String label, double value, String shown) {
    }

    private BarChart() {
    }

    /** Bars from 0 to {@code max}; {@code axis} names what the value is. */
    static String svg(String title, List<Bar> bars, double max, String axis, String colour) {
        double height = TOP + bars.size() * ROW + 44;
        double bottom = TOP + bars.size() * ROW;
        StringBuilder svg = new StringBuilder(Markup.svgOpen(W, height, title));
        svg.append("<g class=\"axis\">");
        boolean counts = max > 1; // whole numbers on a count axis, quarters on a rate axis
        double step = counts ? Math.max(1, Math.ceil(max / 4)) : max / 4;
        for (double v = 0; v <= max + 1e-9; v += step) {
            double gx = LEFT + PLOT_W * v / max;
            svg.append("<line stroke=\"#ddd\" x1=\"").append(n(gx)).append("\" x2=\"").append(n(gx)).append("\" y1=\"")
                    .append(n(TOP)).append("\" y2=\"").append(n(bottom)).append("\"/>")
                    .append(Markup.text(gx, bottom + 14, "middle", String.format(Locale.ROOT, counts ? "%.0f" : "%.2f", v)));
        }
        svg.append("<line stroke=\"#555\" x1=\"").append(n(LEFT)).append("\" x2=\"").append(n(LEFT)).append("\" y1=\"")
                .append(n(TOP)).append("\" y2=\"").append(n(bottom)).append("\"/>")
                .append(Markup.text(LEFT + PLOT_W / 2, bottom + 32, "middle", axis)).append("</g>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double top = TOP + i * ROW;
            double w = max <= 0 ? 0 : PLOT_W * Math.max(0, Math.min(bar.value(), max)) / max;
            svg.append("<g class=\"bar\">").append(Markup.text(LEFT - 6, top + 13, "end", bar.label()))
                    .append("<rect x=\"").append(n(LEFT)).append("\" y=\"").append(n(top + 3)).append("\" width=\"")
                    .append(n(w)).append("\" height=\"").append(n(ROW - 6)).append("\" fill=\"").append(colour)
                    .append("\"><title>").append(Markup.escape(bar.label() + ": " + bar.shown())).append("</title></rect>")
                    .append(Markup.text(LEFT + w + 4, top + 13, "start", bar.shown())).append("</g>");
        }
        return svg.append("</svg>").toString();
    }
}
