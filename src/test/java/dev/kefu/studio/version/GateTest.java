package dev.kefu.studio.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GateTest {
    private static final Gate GATE = new Gate(0.01);

    private static VersionReport report(double accuracy, double precision, VersionReport.Outcome... lines) {
        return new VersionReport(accuracy, precision, 0.9, null, List.of(), List.of(lines));
    }

    private static VersionReport.Outcome line(String text, String faqId, boolean right) {
        return new VersionReport.Outcome(text, faqId == null ? "fallback" : "answer", faqId, null, right);
    }

    @Test
    void a_drop_within_the_margin_passes_and_a_larger_one_is_refused_naming_the_figure() {
        assertThat(GATE.refusals(report(0.805, 0.90), report(0.81, 0.90), Set.of())).isEmpty();
        assertThat(GATE.refusals(report(0.79, 0.90), report(0.81, 0.90), Set.of()))
                .singleElement().asString().contains("answer accuracy drops from 0.810 to 0.790");
        assertThat(GATE.refusals(report(0.81, 0.85), report(0.81, 0.90), Set.of()))
                .singleElement().asString().contains("answer precision");
    }

    @Test
    void a_failing_must_not_break_line_is_refused_even_without_anything_to_compare_with() {
        VersionReport candidate = report(0.9, 0.9, line("付款失败", "refund-time", false), line("转人工", null, true));
        assertThat(GATE.refusals(candidate, null, Set.of("转人工"))).isEmpty();
        assertThat(GATE.refusals(candidate, null, Set.of("付款失败"))).singleElement().asString()
                .contains("付款失败").contains("refund-time");
    }

    @Test
    void the_changed_lines_are_those_whose_answer_or_rightness_differs() {
        VersionReport before = report(0.9, 0.9, line("a", "x", true), line("b", "y", true), line("c", null, false));
        VersionReport after = report(0.9, 0.9, line("a", "x", true), line("b", "z", false), line("c", "w", true));
        assertThat(Gate.changed(before, after)).extracting(c -> c.after().text()).containsExactly("b", "c");
    }
}
