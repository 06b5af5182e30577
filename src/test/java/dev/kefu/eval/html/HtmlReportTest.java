package dev.kefu.eval.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.eval.EvalError;
import dev.kefu.eval.EvalReport;
import dev.kefu.eval.LabelScores;
import dev.kefu.eval.Latency;
import dev.kefu.eval.LineOutcome;
import dev.kefu.eval.SweepPoint;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportTest {
    private static final String HOSTILE = "<script>alert('x')</script> & 退款\u0001";

    @Test
    void a_pipeline_report_is_well_formed_and_has_every_part() throws Exception {
        Document page = parse(HtmlReport.render(report(true), "corpus/eval.tsv, full pipeline", 0.5, 0.97));

        for (String id : List.of("summary", "labels", "confusion", "threshold", "confidence", "errors")) {
            assertThat(byId(page, id)).as(id).isNotNull();
        }
        assertThat(page.getElementsByTagName("svg").getLength()).as("heat map, rates, histograms, F1 bars").isEqualTo(4);
        assertThat(page.getDocumentElement().getTextContent()).contains("end to end").contains("shipped 0.50");
        assertThat(page.getElementsByTagName("polyline").getLength()).as("coverage, precision, e2e, oos recall").isEqualTo(4);
    }

    @Test
    void a_classifier_only_report_draws_its_curve_from_the_confidences() throws Exception {
        Document page = parse(HtmlReport.render(report(false), "test.tsv, classifier alone", 0.5, 0.97));

        assertThat(page.getElementsByTagName("svg").getLength()).isEqualTo(4);
        assertThat(page.getDocumentElement().getTextContent()).contains("Classifier only").doesNotContain("end to end");
        assertThat(page.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(byId(page, "recommended-threshold")).as("the command recommends none without a pipeline").isNull();
    }

    @Test
    void texts_from_the_data_are_escaped_and_nothing_runs_or_loads() throws Exception {
        String html = HtmlReport.render(report(true), HOSTILE, 0.5, 0.97);
        Document page = parse(html);

        assertThat(page.getElementsByTagName("script").getLength()).isZero();
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; 退款");
        assertThat(html).doesNotContain("src=").doesNotContain("href=").doesNotContain("https://");
        NodeList cells = page.getElementsByTagName("td");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < cells.getLength(); i++) {
            texts.add(cells.item(i).getTextContent());
        }
        assertThat(texts).contains("<script>alert('x')</script> & 退款\uFFFD", "confident_match: <b>");
    }

    @Test
    void answer_level_scores_get_their_section_with_the_entries_shown_instead() throws Exception {
        EvalReport plain = report(true);
        dev.kefu.eval.AnswerScores answers = new dev.kefu.eval.AnswerScores(20, 0.85, 0.9, 0.95,
                List.of(new dev.kefu.eval.AnswerScores.Confusion("refund-time", "refund-where", 2)),
                List.of(new dev.kefu.eval.AnswerScores.Miss(HOSTILE, List.of("refund-time"), "refund-where", 0.8)));
        EvalReport withAnswers = new EvalReport(plain.n(), plain.accuracy(), plain.macroF1(), plain.e2eAccuracy(),
                plain.oosRecall(), plain.autoAnswerPrecision(), plain.coverage(), plain.answerThreshold(),
                plain.actions(), plain.perLabel(), plain.confusion(), plain.thresholdSweep(), plain.latencyUs(),
                plain.throughputPerS(), plain.errors(), plain.outcomes(), answers);
        String html = HtmlReport.render(withAnswers, "corpus/eval.tsv", 0.5, 0.97);
        Element section = byId(parse(html), "answers");
        assertThat(section).isNotNull();
        assertThat(byId(parse(html), "entry-bars")).as("entries answered wrongly, worst first").isNotNull();
        assertThat(html).contains("answer accuracy<b>0.850</b>").contains("<td>refund-where</td>")
                .doesNotContain("<script>alert");
        assertThat(byId(parse(HtmlReport.render(plain, "corpus/eval.tsv", 0.5, 0.97)), "answers")).isNull();
    }

    @Test
    void the_recommended_threshold_is_marked_beside_the_shipped_one_with_which_to_trust() throws Exception {
        EvalReport plain = report(true);
        List<SweepPoint> sweep = List.of(new SweepPoint(0.3, 0.98, 0.93, 0.9, 0.5), new SweepPoint(0.4, 0.95, 0.975, 0.92, 0.8),
                new SweepPoint(0.6, 0.9, 0.99, 0.9, 1));
        EvalReport swept = new EvalReport(plain.n(), plain.accuracy(), plain.macroF1(), plain.e2eAccuracy(),
                plain.oosRecall(), plain.autoAnswerPrecision(), plain.coverage(), plain.answerThreshold(),
                plain.actions(), plain.perLabel(), plain.confusion(), sweep, plain.latencyUs(),
                plain.throughputPerS(), plain.errors(), plain.outcomes(), null);
        Document page = parse(HtmlReport.render(swept, "corpus/eval.tsv", 0.5, 0.97));

        Element recommended = byId(page, "recommended-threshold");
        assertThat(recommended).isNotNull();
        assertThat(recommended.getAttribute("data-threshold")).as("highest coverage at precision >= 0.97").isEqualTo("0.40");
        assertThat(recommended.getTextContent()).isEqualTo("recommended 0.40");
        assertThat(byId(page, "shipped-threshold").getAttribute("data-threshold")).isEqualTo("0.50");
        assertThat(byId(page, "threshold-advice").getTextContent()).contains("Recommended: 0.40", "Shipped: 0.50",
                "Trust the shipped value unless", "eval --cv");

        Document none = parse(HtmlReport.render(swept, "corpus/eval.tsv", 0.5, 0.999));
        assertThat(byId(none, "recommended-threshold")).isNull();
        assertThat(byId(none, "threshold-advice").getTextContent()).contains("No answer threshold reaches", "0.50");
    }

    @Test
    void intents_are_drawn_worst_first_and_every_chart_has_axes() throws Exception {
        String html = HtmlReport.render(report(true), "corpus/eval.tsv", 0.5, 0.97);
        Document page = parse(html);
        assertThat(html.indexOf(">refund_time</text>")).as("refund_time (F1 0.97) before oos (F1 1.00)")
                .isLessThan(html.indexOf(">oos</text>"));
        assertThat(page.getDocumentElement().getTextContent()).contains("rate (axis starts at", "answer threshold",
                "confidence of the top intent", "lines per bin", "F1");
    }

    private static EvalReport report(boolean pipeline) {
        List<LineOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            outcomes.add(new LineOutcome("refund_time", "refund_time", 0.5 + i / 40.0, "answer", true));
        }
        outcomes.add(new LineOutcome("refund_time", "payment_failed", 0.9, "answer", false));
        outcomes.add(new LineOutcome("oos", "oos", 0.7, "fallback", true));
        List<EvalError> errors = List.of(new EvalError(HOSTILE, "refund_time", "payment_failed", 0.9, "answer",
                "confident_match: <b>"));
        Map<String, Map<String, Integer>> confusion = Map.of("refund_time", Map.of("refund_time", 20,
                "payment_failed", 1), "oos", Map.of("oos", 1));
        Map<String, LabelScores> perLabel = Map.of("refund_time", new LabelScores(1, 0.95, 0.97, 21),
                "payment_failed", new LabelScores(0, 0, 0, 0), "oos", new LabelScores(1, 1, 1, 1));
        List<SweepPoint> sweep = pipeline ? List.of(new SweepPoint(0, 1, 0.9, 0.9, 0.5),
                new SweepPoint(0.5, 0.9, 0.95, 0.9, 1)) : null;
        return new EvalReport(22, 0.95, 0.66, pipeline ? 0.95 : null, pipeline ? 1.0 : null, pipeline ? 0.95 : null,
                pipeline ? 0.95 : null, pipeline ? 0.5 : null, pipeline ? Map.of("answer", 21, "fallback", 1) : null,
                perLabel, confusion, sweep, new Latency(100, 200, 300, 400), 5000, errors, outcomes);
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byId(Document page, String id) {
        NodeList all = page.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }
}
