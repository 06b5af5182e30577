package dev.kefu.studio;

import dev.kefu.faq.FaqCorpus;
import dev.kefu.faq.FaqEntry;
import dev.kefu.intent.Intents;
import dev.kefu.intent.LabeledCorpus;
import dev.kefu.intent.LabeledText;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The corpus files checked by the very loaders {@code kefu train} and {@code kefu eval} use, in the
 * same order: nothing the studio stores can make training refuse the exported files. Errors are
 * {@code CorpusException}s that name the file and line.
 */
public final class CorpusCheck {
    private CorpusCheck() {
    }

    /** What the loaders read from the files. */
    public record Loaded(List<FaqEntry> entries, List<LabeledText> examples, Set<String> intents) {
        public Loaded {
            entries = List.copyOf(entries);
            examples = List.copyOf(examples);
            intents = Set.copyOf(intents);
        }
    }

    /** Loads {@code text} as training would, under {@code dir}'s file names; throws at the first problem. */
    public static Loaded load(CorpusText text, Path dir) {
        Path intentsFile = dir.resolve(CorpusFormat.INTENTS);
        List<LabeledText> examples = LabeledCorpus.parse(intentsFile, text.intents());
        Set<String> labels = LabeledCorpus.requireLabels(intentsFile, examples);
        Set<String> answerable = labels.stream().filter(l -> !l.equals(Intents.OOS)).collect(Collectors.toSet());
        List<FaqEntry> entries = FaqCorpus.parse(dir.resolve(CorpusFormat.FAQ), text.faq(), answerable);
        Set<String> ids = entries.stream().map(FaqEntry::id).collect(Collectors.toSet());
        LabeledCorpus.requireKnownAnswers(intentsFile, examples, ids);
        if (!text.eval().isEmpty()) {
            Path evalFile = dir.resolve(CorpusFormat.EVAL);
            LabeledCorpus.requireKnownAnswers(evalFile, LabeledCorpus.parse(evalFile, CorpusText.lines(text.eval())), ids);
        }
        return new Loaded(entries, examples, answerable);
    }
}
