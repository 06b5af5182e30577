package dev.kefu.faq;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One FAQ entry: a stable id, the intent it answers, the canonical question, the other ways users
 * ask it, and our answer (may contain {@code {hotline}}, replaced when rendered).
 */
public record FaqEntry(String id, String intent, String question, List<String> paraphrases, String answer) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public FaqEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        paraphrases = List.copyOf(paraphrases);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be lower-case letters, digits and -, was '" + id + "'");
        }
        if (question.isBlank() || answer.isBlank()) {
            throw new IllegalArgumentException("question and answer must not be blank (" + id + ")");
        }
    }

    /** The canonical question followed by every paraphrase. */
    public List<String> phrasings() {
        return Stream.concat(Stream.of(question), paraphrases.stream()).toList();
    }
}
