package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecisionCsvTest {
    @Test
    void fields_with_commas_quotes_or_line_breaks_are_quoted_with_doubled_quotes() {
        assertThat(DecisionCsv.field("plain 文本")).isEqualTo("plain 文本");
        assertThat(DecisionCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(DecisionCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(DecisionCsv.field("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(DecisionCsv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_is_defused() {
        for (String formula : new String[] {"=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "\tx"}) {
            assertThat(DecisionCsv.text(formula)).as(formula).contains("'" + formula.charAt(0));
        }
        assertThat(DecisionCsv.text("退款多久到账")).isEqualTo("退款多久到账");
        assertThat(DecisionCsv.text("")).isEmpty();
    }
}
