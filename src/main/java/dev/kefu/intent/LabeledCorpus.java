package dev.kefu.intent;

import dev.kefu.text.CorpusException;
import dev.kefu.text.CorpusFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reader of {@code label<TAB>text[<TAB>faq-id,faq-id…]} files ({@code corpus/intents.tsv},
 * {@code corpus/eval.tsv}, public benchmarks): UTF-8, one example per line, {@code #} comments and
 * blank lines skipped. The optional third column names the FAQ entries that answer the line; a
 * line without it is the text after the first tab. Labels may be what other tools export (letters
 * of either case, digits, {@code _ . -}). Errors name the file and the line.
 */
public final class LabeledCorpus {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern ID_COLUMN = Pattern.compile("[A-Za-z0-9_,. -]*");
    private static final Pattern FAQ_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private LabeledCorpus() {
    }

    /** All examples of {@code file}, in file order. */
    public static List<LabeledText> read(Path file) {
        return parse(file, CorpusFiles.readLines(file));
    }

    /** The examples of {@code lines}, read as {@link #read} reads a file; errors name {@code file} and the line. */
    public static List<LabeledText> parse(Path file, List<String> lines) {
        List<LabeledText> examples = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw CorpusException.at(file, i + 1, "expected label<TAB>text, found no tab");
            }
            String label = line.substring(0, tab).strip();
            String rest = line.substring(tab + 1);
            int second = rest.lastIndexOf('\t');
            // a last column of ASCII words and commas is the FAQ ids; anything else is part of the text
            boolean hasIds = second >= 0 && ID_COLUMN.matcher(rest.substring(second + 1)).matches();
            List<String> faqIds = hasIds ? faqIds(file, i + 1, rest.substring(second + 1)) : List.of();
            String text = (hasIds ? rest.substring(0, second) : rest).strip();
            if (!LABEL.matcher(label).matches()) {
                throw CorpusException.at(file, i + 1,
                        "label '" + label + "' must be letters, digits, _ . and - (starting with a letter or digit)");
            }
            if (text.isEmpty()) {
                throw CorpusException.at(file, i + 1, "empty text after the tab");
            }
            examples.add(new LabeledText(label, text, faqIds, i + 1));
        }
        if (examples.isEmpty()) {
            throw new CorpusException(file + ": no examples (expected label<TAB>text lines)");
        }
        return List.copyOf(examples);
    }

    /** The FAQ ids of a third column, {@code faq-a,faq-b}; empty for a blank column. */
    private static List<String> faqIds(Path file, int line, String column) {
        List<String> ids = new ArrayList<>();
        for (String id : column.split(",")) {
            String trimmed = id.strip();
            if (column.isBlank()) {
                break;
            }
            if (!FAQ_ID.matcher(trimmed).matches()) {
                throw CorpusException.at(file, line, "FAQ id '" + trimmed
                        + "' in the third column must be lower-case letters, digits and - (ids separated by commas)");
            }
            if (ids.contains(trimmed)) {
                throw CorpusException.at(file, line, "FAQ id '" + trimmed + "' is listed twice");
            }
            ids.add(trimmed);
        }
        return ids;
    }

    /** Fails when a line names an FAQ id that {@code known} lacks: {@code file:line: unknown FAQ id}. */
    public static void requireKnownAnswers(Path file, List<LabeledText> examples, Set<String> known) {
        for (LabeledText example : examples) {
            for (String id : example.faqIds()) {
                if (!known.contains(id)) {
                    throw CorpusException.at(file, example.line(), "unknown FAQ id '" + id + "' in the third column");
                }
            }
        }
    }

    /** Fails when one text appears under two labels: the corpus contradicts itself there. */
    public static void requireConsistent(Path file, List<LabeledText> examples) {
        Map<String, LabeledText> byText = new HashMap<>();
        for (LabeledText example : examples) {
            LabeledText previous = byText.putIfAbsent(example.text(), example);
            if (previous != null && !previous.label().equals(example.label())) {
                throw CorpusException.at(file, example.line(), "text is labeled '" + example.label()
                        + "' here and '" + previous.label() + "' at line " + previous.line());
            }
        }
    }

    /**
     * The labels of a training corpus, after checking that it is consistent and covers every
     * {@link Intents#REQUIRED} label.
     */
    public static Set<String> requireLabels(Path file, List<LabeledText> examples) {
        requireConsistent(file, examples);
        Set<String> labels = new TreeSet<>();
        examples.forEach(example -> labels.add(example.label()));
        Set<String> missing = new TreeSet<>(Intents.REQUIRED);
        missing.removeAll(labels);
        if (!missing.isEmpty()) {
            throw new CorpusException(file + ": no examples of the required intents " + missing);
        }
        return labels;
    }
}
