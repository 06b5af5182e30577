package dev.kefu.studio;

import dev.kefu.faq.FaqEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The draft as corpus files and back. Files are written in the loaders' formats
 * ({@code dev.kefu.faq.FaqCorpus}, {@code dev.kefu.intent.LabeledCorpus}) with each item's lead
 * (comment and blank lines) before it, so a file imported and exported again is the same file
 * when it was written in the canonical form ({@code key: value}, single tabs, a final line feed).
 */
public final class CorpusFormat {
    public static final String FAQ = "faq.txt";
    public static final String INTENTS = "intents.tsv";
    public static final String SYNONYMS = "synonyms.txt";
    public static final String EVAL = "eval.tsv";
    /** The comment and blank lines before the first entry of {@code faq.txt}. */
    static final String FAQ_HEADER = "faq.txt:header";
    static final String FAQ_TRAILER = "faq.txt:trailer";
    static final String INTENTS_TRAILER = "intents.tsv:trailer";
    /** Positions of imported items are this far apart (see {@link KbSnapshot#positionAfter}). */
    static final long SPACING = 1_000_000;

    private CorpusFormat() {
    }

    /** The corpus files of {@code draft}. */
    public static CorpusText render(KbSnapshot draft) {
        return new CorpusText(faqLines(draft), intentLines(draft), draft.file(SYNONYMS), draft.file(EVAL));
    }

    private static List<String> faqLines(KbSnapshot draft) {
        List<String> lines = new ArrayList<>(CorpusText.lines(draft.file(FAQ_HEADER)));
        boolean first = true;
        for (KbEntry entry : draft.entries()) {
            List<String> lead = entry.place().lead();
            if (!first && lead.stream().noneMatch(String::isBlank)) {
                lines.add(""); // entries are blocks separated by a blank line
            }
            lines.addAll(lead);
            lines.addAll(block(entry.faq()));
            first = false;
        }
        lines.addAll(CorpusText.lines(draft.file(FAQ_TRAILER)));
        return lines;
    }

    /** The lines of one entry in {@code faq.txt}. */
    static List<String> block(FaqEntry entry) {
        List<String> lines = new ArrayList<>();
        lines.add("id: " + entry.id());
        lines.add("intent: " + entry.intent());
        lines.add("question: " + entry.question());
        entry.paraphrases().forEach(p -> lines.add("paraphrase: " + p));
        entry.answer().lines().forEach(a -> lines.add("answer: " + a));
        return lines;
    }

    private static List<String> intentLines(KbSnapshot draft) {
        List<String> lines = new ArrayList<>();
        for (KbExample example : draft.examples()) {
            lines.addAll(example.place().lead());
            lines.add(line(example));
        }
        lines.addAll(CorpusText.lines(draft.file(INTENTS_TRAILER)));
        return lines;
    }

    /** The line of one example in {@code intents.tsv}. */
    static String line(KbExample example) {
        return example.intent() + "\t" + example.text()
                + (example.faqIds().isEmpty() ? "" : "\t" + String.join(",", example.faqIds()));
    }

    /** The files a draft keeps verbatim or in part, from the texts of the four files. */
    static Map<String, String> keptFiles(List<String> faqHeader, List<String> faqTrailer, List<String> intentsTrailer,
                                         CorpusText text) {
        return Map.of(FAQ_HEADER, CorpusText.joined(faqHeader), FAQ_TRAILER, CorpusText.joined(faqTrailer),
                INTENTS_TRAILER, CorpusText.joined(intentsTrailer), SYNONYMS, text.synonyms(), EVAL, text.eval());
    }
}
