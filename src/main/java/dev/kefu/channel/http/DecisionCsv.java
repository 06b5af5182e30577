package dev.kefu.channel.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kefu.studio.review.LoggedDecision;
import java.util.StringJoiner;

/**
 * The decision log as CSV (RFC 4180): a header line, then one line per decision, CRLF-terminated;
 * a field with a comma, quote or line break is quoted, its quotes doubled. Text a spreadsheet would
 * run as a formula (starting with {@code = + - @}, a tab or a CR) gets a leading apostrophe. The
 * ranked lists are {@code id:score} pairs joined by {@code ;}. Thread-safe (no state).
 */
final class DecisionCsv {
    static final String HEADER = "time,conversation_id,message_id,user_text,reply_text,faq_id,version,action,reason,"
            + "detail,path,intents,candidates,answer_threshold,handoff_threshold,clarify_margin,clarify_floor,"
            + "answer_margin,fallbacks_before_handoff\r\n";

    private DecisionCsv() {
    }

    /** The CSV line of {@code d}, whose record {@code decision} is parsed already. */
    static String row(LoggedDecision d, JsonNode decision) {
        JsonNode t = decision.path("thresholds");
        StringJoiner row = new StringJoiner(",", "", "\r\n");
        row.add(d.at().toString()).add(field(d.conversationId())).add(Long.toString(d.messageId()))
                .add(text(d.userText())).add(text(d.replyText())).add(field(d.faqId() == null ? "" : d.faqId()))
                .add(field(decision.path("version").asText())).add(field(decision.path("action").asText()))
                .add(field(decision.path("reason").asText())).add(text(decision.path("detail").asText()))
                .add(field(decision.path("path").asText()))
                .add(field(pairs(decision.path("intents"), "intent", "confidence")))
                .add(field(pairs(decision.path("candidates"), "faqId", "score")))
                .add(t.path("answer").asText()).add(t.path("handoff").asText()).add(t.path("clarifyMargin").asText())
                .add(t.path("clarifyFloor").asText()).add(t.path("answerMargin").asText())
                .add(t.path("fallbacksBeforeHandoff").asText());
        return row.toString();
    }

    private static String pairs(JsonNode list, String name, String score) {
        StringJoiner pairs = new StringJoiner(";");
        list.forEach(p -> pairs.add(p.path(name).asText() + ":" + p.path(score).asText()));
        return pairs.toString();
    }

    /** Free text: defused as a formula, then quoted as needed. */
    static String text(String value) {
        boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
        return field(formula ? "'" + value : value);
    }

    /** A field, quoted when it holds a comma, a quote or a line break. */
    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
