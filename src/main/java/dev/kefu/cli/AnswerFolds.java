package dev.kefu.cli;

import dev.kefu.faq.FaqEntry;
import dev.kefu.intent.LabeledText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The examples of answer-level cross-validation: the training lines of {@code intents.tsv} and
 * every FAQ paraphrase as a line labelled with its entry's intent and id. A fold's training part
 * gives back the lines to train the classifier on and the FAQ with only the paraphrases it holds
 * (canonical questions always stay), so the held-out paraphrases are new to the index, the vectors
 * and the ranker alike.
 */
final class AnswerFolds {
    private final List<LabeledText> examples = new ArrayList<>();
    private final Map<LabeledText, String> paraphraseOf = new IdentityHashMap<>();
    private final List<LabeledText> paraphraseLines = new ArrayList<>(); // in corpus order
    private final List<FaqEntry> entries;

    AnswerFolds(List<LabeledText> lines, List<FaqEntry> entries) {
        this.entries = List.copyOf(entries);
        examples.addAll(lines);
        for (FaqEntry entry : entries) {
            for (String paraphrase : entry.paraphrases()) {
                LabeledText line = new LabeledText(entry.intent(), paraphrase, List.of(entry.id()), 0);
                examples.add(line);
                paraphraseOf.put(line, entry.id());
                paraphraseLines.add(line);
            }
        }
    }

    List<LabeledText> examples() {
        return Collections.unmodifiableList(examples);
    }

    int paraphrases() {
        return paraphraseOf.size();
    }

    /** The {@code intents.tsv} lines among {@code train}. */
    List<LabeledText> linesIn(List<LabeledText> train) {
        return train.stream().filter(line -> !paraphraseOf.containsKey(line)).toList();
    }

    /** The FAQ with the paraphrases {@code train} holds. */
    List<FaqEntry> entriesIn(List<LabeledText> train) {
        Set<LabeledText> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(train);
        List<FaqEntry> reduced = new ArrayList<>();
        for (FaqEntry entry : entries) {
            List<String> paraphrases = new ArrayList<>();
            for (LabeledText line : paraphraseLines) {
                if (paraphraseOf.get(line).equals(entry.id()) && kept.contains(line)) {
                    paraphrases.add(line.text());
                }
            }
            reduced.add(new FaqEntry(entry.id(), entry.intent(), entry.question(), paraphrases, entry.answer()));
        }
        return reduced;
    }
}
