package dev.kefu.intent;

import dev.kefu.text.CorpusException;
import dev.kefu.text.CorpusFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reader of {@code label<TAB>text} files ({@code corpus/intents.tsv}, {@code corpus/eval.tsv},
 * public benchmarks): UTF-8, one example per line, {@code #} comments and blank lines skipped,
 * the text is everything after the first tab. Errors name the file and the line.
 */
public final class LabeledCorpus {
    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_]*");

    private LabeledCorpus() {
    }

    /** All examples of {@code file}, in file order. */
    public static List<LabeledText> read(Path file) {
        return parse(file, CorpusFiles.readLines(file));
    }

    static List<LabeledText> parse(Path file, List<String> lines) {
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
            String text = line.substring(tab + 1).strip();
            if (!LABEL.matcher(label).matches()) {
                throw CorpusException.at(file, i + 1,
                        "label '" + label + "' must be lower-case letters, digits and _");
            }
            if (text.isEmpty()) {
                throw CorpusException.at(file, i + 1, "empty text after the tab");
            }
            examples.add(new LabeledText(label, text, i + 1));
        }
        if (examples.isEmpty()) {
            throw new CorpusException(file + ": no examples (expected label<TAB>text lines)");
        }
        return List.copyOf(examples);
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
}
