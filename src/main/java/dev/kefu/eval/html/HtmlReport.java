package dev.kefu.eval.html;

import static dev.kefu.eval.html.Markup.escape;
import static dev.kefu.eval.html.Markup.rate;

import dev.kefu.eval.EvalError;
import dev.kefu.eval.EvalReport;
import dev.kefu.eval.LabelScores;
import dev.kefu.eval.ThresholdAdvice;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Renders an {@link EvalReport} as one self-contained HTML page (inline CSS and SVG, no script, no
 * network): summary figures, the recommended answer threshold beside the shipped one, per-label table
 * and F1 bars (worst first), confusion heat map, rates over the threshold with both marked,
 * confidence histograms and the errors, most confident first. Every text
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
            .note{color:#666;font-size:.9em}.bars svg{max-width:640px}""";

    private HtmlReport() {
    }

    /**
     * The page for {@code report}.
     *
     * @param source  what was scored, shown under the title (for example the data file and the mode)
     * @param shipped the answer threshold to mark on the curve
     * @param targetPrecision the auto-answer precision the recommended threshold must keep (as {@code eval
     *                        --target-precision}); the recommendation is the same the command prints
     */
    public static String render(EvalReport report, String source, double shipped, double targetPrecision) {
        Objects.requireNonNull(report, "report");
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>kefu evaluation report</title><style>").append(STYLE).append("</style></head><body>")
                .append("<h1>kefu evaluation report</h1><p class=\"note\">").append(escape(source)).append("</p>");
        summary(html, report);
        boolean pipeline = report.thresholdSweep() != null;
        ThresholdAdvice advice = pipeline ? ThresholdAdvice.of(report.thresholdSweep(), targetPrecision).orElse(null) : null;
        if (pipeline) {
            advice(html, advice, shipped, targetPrecision);
        }
        if (report.answers() != null) {
            AnswerSection.render(html, report.answers());
        }
        perLabel(html, report.perLabel());
        html.append("<h2 id=\"confusion\">Confusion matrix</h2><p class=\"note\">Rows: gold label; columns: ")
                .append("predicted label. Shade: share of the row.</p><div class=\"scroll\">")
                .append(HeatMapChart.svg(report.confusion())).append("</div>");
        html.append("<h2 id=\"threshold\">Rates over the answer threshold</h2>");
        html.append("<p class=\"note\">").append(pipeline
                ? "Full pipeline re-run at each answer threshold: coverage, auto-answer precision, end-to-end "
                        + "accuracy and oos recall."
                : "Classifier only: share of lines whose top confidence is at or above the threshold, "
                        + "and the accuracy among them.").append("</p>");
        html.append(ThresholdCurveChart.svg(pipeline ? report.thresholdSweep()
                : ThresholdCurveChart.fromOutcomes(report.outcomes()), pipeline, shipped,
                advice == null ? null : advice.best().threshold()));
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

    /** The threshold the command recommends, the shipped one, and which to trust. */
    private static void advice(StringBuilder html, ThresholdAdvice advice, double shipped, double target) {
        html.append("<h2 id=\"recommendation\">Answer threshold</h2><p id=\"threshold-advice\">");
        if (advice == null) {
            html.append(String.format(Locale.ROOT, "No answer threshold reaches auto-answer precision %.2f on these "
                    + "lines; shipped: %.2f. Keep the shipped value and look at the errors below.", target, shipped));
        } else {
            html.append(String.format(Locale.ROOT, "Recommended: <b>%.2f</b> (the highest coverage, %s, at auto-answer "
                    + "precision %s &gt;= %.2f; oos recall %s). Shipped: <b>%.2f</b>. ", advice.best().threshold(),
                    Markup.rate(advice.best().coverage()), Markup.rate(advice.best().precision()), target,
                    Markup.rate(advice.best().oosRecall()), shipped));
            html.append("Trust the shipped value unless the recommendation also holds under cross-validation "
                    + "(<code>eval --cv</code>): a threshold picked on one labelled set fits that set's chance errors.");
        }
        html.append("</p>");
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
        List<BarChart.Bar> bars = perLabel.entrySet().stream().filter(e -> e.getValue().support() > 0)
                .sorted(Comparator.comparingDouble((Map.Entry<String, LabelScores> e) -> e.getValue().f1())
                        .thenComparing(Map.Entry::getKey))
                .map(e -> new BarChart.Bar(e.getKey(), e.getValue().f1(), rate(e.getValue().f1()))).toList();
        html.append("<h3 id=\"label-bars\">F1 per intent, worst first</h3>")
                .append("<div class=\"bars\">").append(BarChart.svg("F1 per intent, worst first", bars, 1, "F1", "#1f6fd1"))
                .append("</div>");
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
