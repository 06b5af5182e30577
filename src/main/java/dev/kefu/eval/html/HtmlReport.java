package dev.kefu.eval.html;

import static dev.kefu.eval.html.Markup.escape;
import static dev.kefu.eval.html.Markup.rate;

import dev.kefu.eval.EvalError;
import dev.kefu.eval.EvalReport;
import dev.kefu.eval.LabelScores;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Renders an {@link EvalReport} as one self-contained HTML page (inline CSS and SVG, no script, no
 * network): summary figures, per-label table, confusion heat map, coverage/precision curve with
 * the shipped threshold, confidence histograms and the errors, most confident first. Every text
 * from the data is escaped. Works for full-pipeline and classifier-only reports. Stateless.
 */
public final class HtmlReport {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0 auto;\
            max-width:980px;padding:12px;color:#222;line-height:1.4}
            h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ddd}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:8px}
            .card{border:1px solid #ddd;border-radius:6px;padding:8px}.card b{display:block;font-size:1.3em}
            .scroll{overflow-x:auto}table{border-collapse:collapse;font-size:.9em;width:100%}
            th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}.low{background:#fde2dd}
            svg{width:100%;height:auto;font-size:11px}svg .axis text{fill:#555}\
            .note{color:#666;font-size:.9em}""";

    private HtmlReport() {
    }

    /**
     * The page for {@code report}.
     *
     * @param source  what was scored, shown under the title (for example the data file and the mode)
     * @param shipped the answer threshold to mark on the curve
     */
    public static String render(EvalReport report, String source, double shipped) {
        Objects.requireNonNull(report, "report");
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>kefu evaluation report</title><style>").append(STYLE).append("</style></head><body>")
                .append("<h1>kefu evaluation report</h1><p class=\"note\">").append(escape(source)).append("</p>");
        summary(html, report);
        if (report.answers() != null) {
            AnswerSection.render(html, report.answers());
        }
        perLabel(html, report.perLabel());
        html.append("<h2 id=\"confusion\">Confusion matrix</h2><p class=\"note\">Rows: gold label; columns: ")
                .append("predicted label. Shade: share of the row.</p><div class=\"scroll\">")
                .append(HeatMapChart.svg(report.confusion())).append("</div>");
        html.append("<h2 id=\"threshold\">Coverage and precision over the answer threshold</h2>");
        boolean pipeline = report.thresholdSweep() != null;
        html.append("<p class=\"note\">").append(pipeline
                ? "Full pipeline re-run at each answer threshold."
                : "Classifier only: share of lines whose top confidence is at or above the threshold, "
                        + "and the accuracy among them.").append("</p>");
        html.append(ThresholdCurveChart.svg(pipeline ? report.thresholdSweep()
                : ThresholdCurveChart.fromOutcomes(report.outcomes()), shipped));
        html.append("<h2 id=\"confidence\">Confidence of the top intent</h2>")
                .append(ConfidenceHistogram.svg(report.outcomes()));
        errors(html, report);
        return html.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder html, EvalReport r) {
        html.append("<h2 id=\"summary\">Summary</h2><div class=\"cards\">");
        card(html, "lines", String.valueOf(r.n()));
        card(html, "intent accuracy", rate(r.accuracy()));
        card(html, "macro-F1", rate(r.macroF1()));
        if (r.e2eAccuracy() != null) {
            card(html, "end to end", rate(r.e2eAccuracy()));
            card(html, "oos recall", rate(r.oosRecall()));
            card(html, "auto-answer precision", rate(r.autoAnswerPrecision()));
            card(html, "coverage", rate(r.coverage()));
            card(html, "answer threshold", String.format(Locale.ROOT, "%.2f", r.answerThreshold()));
        }
        card(html, "latency p50 / p99", String.format(Locale.ROOT, "%.0f / %.0f µs", r.latencyUs().p50(),
                r.latencyUs().p99()));
        card(html, "messages/s, 1 thread", String.format(Locale.ROOT, "%.0f", r.throughputPerS()));
        html.append("</div>");
        if (r.actions() != null) {
            html.append("<p class=\"note\">actions: ").append(escape(new TreeMap<>(r.actions()).toString())).append("</p>");
        }
    }

    private static void card(StringBuilder html, String name, String value) {
        html.append("<div class=\"card\">").append(escape(name)).append("<b>").append(escape(value)).append("</b></div>");
    }

    private static void perLabel(StringBuilder html, Map<String, LabelScores> perLabel) {
        html.append("<h2 id=\"labels\">Per label</h2><div class=\"scroll\"><table><thead><tr><th>label</th>")
                .append("<th class=\"num\">precision</th><th class=\"num\">recall</th><th class=\"num\">F1</th>")
                .append("<th class=\"num\">support</th></tr></thead><tbody>");
        for (Map.Entry<String, LabelScores> e : new TreeMap<>(perLabel).entrySet()) {
            LabelScores s = e.getValue();
            html.append("<tr><td>").append(escape(e.getKey())).append("</td>").append(num(rate(s.precision())))
                    .append(num(rate(s.recall()))).append("<td class=\"num").append(s.f1() < 0.8 ? " low" : "")
                    .append("\">").append(rate(s.f1())).append("</td>").append(num(String.valueOf(s.support())))
                    .append("</tr>");
        }
        html.append("</tbody></table></div>");
    }

    private static void errors(StringBuilder html, EvalReport r) {
        html.append("<h2 id=\"errors\">Errors (").append(r.errors().size()).append(", most confident first)</h2>")
                .append("<div class=\"scroll\"><table><thead><tr><th>text</th><th>gold</th><th>predicted</th>")
                .append("<th class=\"num\">confidence</th><th>action</th><th>reason</th></tr></thead><tbody>");
        for (EvalError e : r.errors()) {
            html.append("<tr><td>").append(escape(e.text())).append("</td><td>").append(escape(e.gold()))
                    .append("</td><td>").append(escape(e.predicted())).append("</td>")
                    .append(num(String.format(Locale.ROOT, "%.2f", e.confidence()))).append("<td>")
                    .append(escape(e.action())).append("</td><td>").append(escape(e.reason())).append("</td></tr>");
        }
        html.append("</tbody></table></div>");
    }

    private static String num(String value) {
        return "<td class=\"num\">" + escape(value) + "</td>";
    }
}
