package dev.kefu.studio;

import java.util.List;
import java.util.Objects;

/** The four corpus files as text: {@code faq.txt} and {@code intents.tsv} as lines, the other two verbatim. */
public record CorpusText(List<String> faq, List<String> intents, String synonyms, String eval) {
    public CorpusText {
        faq = List.copyOf(faq);
        intents = List.copyOf(intents);
        Objects.requireNonNull(synonyms, "synonyms");
        Objects.requireNonNull(eval, "eval");
    }

    /** Lines as a file holds them: each ended by a line feed. */
    public static String joined(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** The lines of {@code text} as a file's reader sees them (a last line feed ends the last line). */
    public static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(body.split("\r?\n", -1));
    }
}
