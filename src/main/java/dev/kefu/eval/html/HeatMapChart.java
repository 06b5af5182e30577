package dev.kefu.eval.html;

import static dev.kefu.eval.html.Markup.escape;
import static dev.kefu.eval.html.Markup.n;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The confusion matrix as a heat map: a row per gold label, a column per predicted label. A
 * cell's shade is its share of the row (so small labels are as visible as large ones): blue on
 * the diagonal, red elsewhere. Counts are printed in the cells; each cell has a tooltip.
 */
final class HeatMapChart {
    private static final double CELL = 22;
    private static final double LABEL_SPACE = 130;

    private HeatMapChart() {
    }

    static String svg(Map<String, Map<String, Integer>> confusion) {
        TreeSet<String> all = new TreeSet<>(confusion.keySet());
        confusion.values().forEach(row -> all.addAll(row.keySet()));
        List<String> labels = List.copyOf(all);
        double size = labels.size() * CELL;
        // column labels are rotated and run up to the right of the last column
        StringBuilder svg = new StringBuilder(Markup.svgOpen(LABEL_SPACE + size + 90, LABEL_SPACE + size + 10,
                "Confusion matrix: rows are gold labels, columns are predicted labels"));
        svg.append("<g class=\"axis\">");
        for (int i = 0; i < labels.size(); i++) {
            double middle = LABEL_SPACE + i * CELL + CELL / 2;
            svg.append(Markup.text(LABEL_SPACE - 6, middle + 4, "end", labels.get(i)));
            svg.append("<text transform=\"translate(").append(n(middle + 4)).append(',').append(n(LABEL_SPACE - 6))
                    .append(") rotate(-60)\">").append(escape(labels.get(i))).append("</text>");
        }
        svg.append("</g>");
        for (int r = 0; r < labels.size(); r++) {
            Map<String, Integer> row = confusion.getOrDefault(labels.get(r), Map.of());
            int total = row.values().stream().mapToInt(Integer::intValue).sum();
            for (int c = 0; c < labels.size(); c++) {
                int count = row.getOrDefault(labels.get(c), 0);
                cell(svg, r, c, count, total, labels);
            }
        }
        return svg.append("</svg>").toString();
    }

    private static void cell(StringBuilder svg, int r, int c, int count, int total, List<String> labels) {
        double x = LABEL_SPACE + c * CELL;
        double y = LABEL_SPACE + r * CELL;
        double share = total == 0 ? 0 : (double) count / total;
        String fill = count == 0 ? "#f4f4f4" : (r == c ? "#1f6fd1" : "#d1341f");
        double opacity = count == 0 ? 1 : 0.15 + 0.85 * share;
        svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(CELL - 1))
                .append("\" height=\"").append(n(CELL - 1)).append("\" fill=\"").append(fill)
                .append("\" fill-opacity=\"").append(Markup.rate(opacity)).append("\"><title>")
                .append(escape(labels.get(r) + " → " + labels.get(c) + ": " + count)).append("</title></rect>");
        if (count > 0) {
            svg.append("<text font-size=\"9\" fill=\"").append(share > 0.5 ? "#fff" : "#222").append("\" x=\"")
                    .append(n(x + CELL / 2 - 0.5)).append("\" y=\"").append(n(y + CELL / 2 + 3))
                    .append("\" text-anchor=\"middle\">").append(count).append("</text>");
        }
    }
}
