package dev.kefu.eval.html;

import dev.kefu.eval.AnswerScores;
import java.util.Locale;

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
        html.append("</div><h3>Entries shown instead of the right one</h3><div class=\"scroll\"><table><thead><tr>")
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

    private static void card(StringBuilder html, String name, double value) {
        html.append("<div class=\"card\">").append(name).append("<b>").append(String.format(Locale.ROOT, "%.3f", value))
                .append("</b></div>");
    }
}
