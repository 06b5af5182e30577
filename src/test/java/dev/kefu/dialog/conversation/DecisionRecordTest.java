package dev.kefu.dialog.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.dialog.policy.Thresholds;
import dev.kefu.intent.IntentScore;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DecisionRecordTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DecisionRecord record(String detail, List<IntentScore> intents) {
        return new DecisionRecord("corpus-abc opennlp/learned-bge", intents,
                List.of(new DecisionRecord.Candidate("refund-time", 0.912345), new DecisionRecord.Candidate("refund-fee", 0.05)),
                "full", Thresholds.DEFAULT, "answer", "confident_match", detail);
    }

    @Test
    void its_json_is_valid_and_holds_every_field() throws Exception {
        JsonNode json = JSON.readTree(record("refund-time 0.91 >= 0.50",
                List.of(new IntentScore("refund_time", 0.8), new IntentScore("payment_failed", 0.1))).toJson());
        assertThat(json.get("version").asText()).isEqualTo("corpus-abc opennlp/learned-bge");
        assertThat(json.get("action").asText()).isEqualTo("answer");
        assertThat(json.get("reason").asText()).isEqualTo("confident_match");
        assertThat(json.get("detail").asText()).isEqualTo("refund-time 0.91 >= 0.50");
        assertThat(json.get("path").asText()).isEqualTo("full");
        assertThat(json.get("intents").findValuesAsText("intent")).containsExactly("refund_time", "payment_failed");
        assertThat(json.get("candidates").get(0).get("score").asDouble()).isEqualTo(0.9123);
        assertThat(json.get("thresholds").get("answer").asDouble()).isEqualTo(Thresholds.DEFAULT.answer());
        assertThat(json.get("thresholds").get("fallbacksBeforeHandoff").asInt()).isEqualTo(1);
    }

    @Test
    void numbers_are_written_to_4_decimals_without_trailing_zeros() {
        for (double[] c : new double[][] {{0.912345, 0.9123}, {0.5, 0.5}, {1, 1.0}, {0, 0.0}, {0.00005, 0.0001},
                {0.0701, 0.0701}, {0.10009, 0.1001}, {12.5, 12.5}, {-0.25, -0.25}}) {
            String written = DecisionRecord.number(new StringBuilder(), c[0]).toString();
            assertThat(Double.parseDouble(written)).as("%s -> %s", c[0], written).isEqualTo(c[1]);
            assertThat(written).as("%s", c[0]).matches("-?\\d+\\.(0|\\d{0,3}[1-9])");
        }
    }

    @Test
    void quotes_backslashes_and_control_characters_are_escaped() throws Exception {
        String detail = "a \"quoted\" \\ path\nnext\tline \u0001 ，中文";
        assertThat(JSON.readTree(record(detail, List.of()).toJson()).get("detail").asText()).isEqualTo(detail);
    }

    @Test
    void only_the_best_five_intents_and_candidates_are_kept() {
        List<IntentScore> many = IntStream.range(0, 31).mapToObj(i -> new IntentScore("i" + i, 0.5 / (i + 1))).toList();
        DecisionRecord r = record("", many);
        assertThat(r.intents()).hasSize(DecisionRecord.KEPT).first().isEqualTo(many.get(0));
    }

    @Test
    void the_answered_entry_has_its_score_and_others_none() {
        DecisionRecord r = record("", List.of());
        assertThat(r.scoreOf("refund-fee")).isEqualTo(0.05);
        assertThat(r.scoreOf("nope")).isNull();
        assertThat(r.scoreOf(null)).isNull();
    }
}
