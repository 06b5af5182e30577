package dev.kefu.eval.html;

import dev.kefu.eval.AnswerScores;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer-level part of the report: which FAQ entry the user received. The entries shown
 * instead of the right one (most frequent first) and the lines answered with a wrong entry (most
 * confident first), each list cut at {@value #ROWS} rows. Stateless.
 */
final class AnswerSection {
    private static final int ROWS = 100;

    private AnswerSection() {
    }

    static void render(StringBuilder html, AnswerScores a) {
        html.append("<h2 id=\"answers\">Answers: the FAQ entry shown</h2><p class=\"note\">")
                .append(a.answerLines()).append(" lines name the FAQ entries that answer them. Answer accuracy: ")
                .append("the right entry shown / those lines; precision: / those answered; top-3: a right entry ")
                .append("among the answer and its suggestions, or the options offered.</p><div class=\"cards\">");
        card(html, "answer accuracy", a.answerAccuracy());
        card(html, "answer precision", a.answerPrecision());
        card(html, "answer top-3", a.answerTop3());
        html.append("</div>");
        missBars(html, a.answerConfusion());
        html.append("<h3>Entries shown instead of the right one</h3><div class=\"scroll\"><table><thead><tr>")
                .append("<th>right entry</th><th>shown</th><th class=\"num\">lines</th></tr></thead><tbody>");
        a.answerConfusion().stream().limit(ROWS).forEach(c -> html.append("<tr><td>").append(Markup.escape(c.expected()))
                .append("</td><td>").append(Markup.escape(c.shown())).append("</td><td class=\"num\">")
                .append(c.count()).append("</td></tr>"));
        html.append("</tbody></table></div><h3>Lines answered with a wrong entry (").append(a.answerErrors().size())
                .append(", most confident first)</h3><div class=\"scroll\"><table><thead><tr><th>text</th>")
                .append("<th>right entries</th><th>shown</th><th class=\"num\">confidence</th></tr></thead><tbody>");
        a.answerErrors().stream().limit(ROWS).forEach(m -> html.append("<tr><td>").append(Markup.escape(m.text()))
                .append("</td><td>").append(Markup.escape(String.join(", ", m.expected()))).append("</td><td>")
                .append(Markup.escape(m.shown())).append("</td><td class=\"num\">")
                .append(String.format(Locale.ROOT, "%.2f", m.confidence())).append("</td></tr>"));
        html.append("</tbody></table></div>");
    }

    /** Per right entry, the lines answered with another one, most first. */
    private static void missBars(StringBuilder html, List<AnswerScores.Confusion> confusion) {
        Map<String, Integer> misses = new TreeMap<>();
        confusion.forEach(c -> misses.merge(c.expected(), c.count(), Integer::sum));
        if (misses.isEmpty()) {
            return;
        }
        List<BarChart.Bar> bars = misses.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(40).map(e -> new BarChart.Bar(e.getKey(), e.getValue(), String.valueOf(e.getValue()))).toList();
        double max = bars.stream().mapToDouble(BarChart.Bar::value).max().orElse(1);
        html.append("<h3 id=\"entry-bars\">Entries answered wrongly, worst first</h3><p class=\"note\">Per FAQ entry, ")
                .append("the lines it answers that were shown another entry (at most 40 entries).</p>")
                .append("<div class=\"bars\">").append(BarChart.svg("Lines answered with another entry, per right entry",
                        bars, Math.max(2, max), "lines shown another entry", "#d1341f")).append("</div>");
    }

    private static void card(StringBuilder html, String name, double value) {
        html.append("<div class=\"card\">").append(name).append("<b>").append(String.format(Locale.ROOT, "%.3f", value))
                .append("</b></div>");
    }
}
