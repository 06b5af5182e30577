package dev.kefu.faq;

import dev.kefu.text.CorpusException;
import dev.kefu.text.CorpusFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reader of {@code corpus/faq.txt}. Entries are blocks of {@code key: value} lines separated by
 * blank lines, keys in this order: {@code id}, {@code intent}, {@code question}, {@code paraphrase}
 * (at least {@value #MIN_PARAPHRASES}), {@code answer} (one or more lines, joined with line
 * breaks). {@code #} starts a comment line. Errors name the file and the line.
 */
public final class FaqCorpus {
    /** Paraphrases an entry needs besides its question. */
    public static final int MIN_PARAPHRASES = 5;

    private FaqCorpus() {
    }

    /** The entries of {@code file}; every intent must be one of {@code knownIntents}. */
    public static List<FaqEntry> read(Path file, Set<String> knownIntents) {
        return parse(file, CorpusFiles.readLines(file), knownIntents);
    }

    /** The entries of {@code lines}, read as {@link #read} reads a file; errors name {@code file} and the line. */
    public static List<FaqEntry> parse(Path file, List<String> lines, Set<String> knownIntents) {
        List<FaqEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, String> owners = new HashMap<>();
        EntryBuilder current = null;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i).strip() : "";
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                if (current != null) {
                    FaqEntry entry = current.build(file, knownIntents);
                    if (!ids.add(entry.id())) {
                        throw CorpusException.at(file, current.firstLine, "duplicate FAQ id '" + entry.id() + "'");
                    }
                    requireOwnPhrasings(file, current.firstLine, entry, owners);
                    entries.add(entry);
                    current = null;
                }
                continue;
            }
            if (current == null) {
                current = new EntryBuilder(i + 1);
            }
            current.accept(file, i + 1, line);
        }
        if (entries.isEmpty()) {
            throw new CorpusException(file + ": no FAQ entries");
        }
        return List.copyOf(entries);
    }

    /**
     * A phrasing (question or paraphrase) belongs to one entry: the index could not tell which of two
     * entries a user who asks exactly that means.
     */
    private static void requireOwnPhrasings(Path file, int line, FaqEntry entry, Map<String, String> owners) {
        for (String phrasing : entry.phrasings()) {
            String owner = owners.putIfAbsent(phrasing, entry.id());
            if (owner != null && !owner.equals(entry.id())) {
                throw CorpusException.at(file, line, "entry '" + entry.id() + "': the phrasing '" + phrasing
                        + "' is already one of entry '" + owner + "'");
            }
        }
    }

    /** Collects one block; checks key order and presence as it goes. */
    private static final class EntryBuilder {
        private static final List<String> KEYS = List.of("id", "intent", "question", "paraphrase", "answer");
        private final int firstLine;
        private int lastKey = -1;
        private String id;
        private String intent;
        private int intentLine;
        private String question;
        private final List<String> paraphrases = new ArrayList<>();
        private final List<String> answer = new ArrayList<>();

        EntryBuilder(int firstLine) {
            this.firstLine = firstLine;
        }

        void accept(Path file, int lineNo, String line) {
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon).strip();
            int keyIndex = KEYS.indexOf(key);
            if (keyIndex < 0) {
                throw CorpusException.at(file, lineNo, "expected one of " + KEYS + " followed by ':', found '"
                        + abbreviate(line) + "'");
            }
            boolean repeatable = keyIndex >= 3;
            if (keyIndex < lastKey || (keyIndex == lastKey && !repeatable)) {
                throw CorpusException.at(file, lineNo, "'" + key + "' out of order (keys go " + KEYS + ")");
            }
            if (keyIndex > lastKey + 1 && !(keyIndex == 4 && lastKey == 2)) {
                throw CorpusException.at(file, lineNo, "'" + KEYS.get(lastKey + 1) + "' missing before '" + key + "'");
            }
            lastKey = keyIndex;
            String value = line.substring(colon + 1).strip();
            if (value.isEmpty()) {
                throw CorpusException.at(file, lineNo, "empty " + key);
            }
            switch (key) {
                case "id" -> id = value;
                case "intent" -> {
                    intent = value;
                    intentLine = lineNo;
                }
                case "question" -> question = value;
                case "paraphrase" -> paraphrases.add(value);
                default -> answer.add(value);
            }
        }

        FaqEntry build(Path file, Set<String> knownIntents) {
            if (answer.isEmpty()) {
                throw CorpusException.at(file, firstLine, "entry '" + id + "' has no answer");
            }
            if (paraphrases.size() < MIN_PARAPHRASES) {
                throw CorpusException.at(file, firstLine, "entry '" + id + "' has " + paraphrases.size()
                        + " paraphrases, needs at least " + MIN_PARAPHRASES);
            }
            if (!knownIntents.contains(intent)) {
                throw CorpusException.at(file, intentLine, "unknown intent '" + intent + "' (known: "
                        + new TreeSet<>(knownIntents) + ")");
            }
            try {
                return new FaqEntry(id, intent, question, paraphrases, String.join("\n", answer));
            } catch (IllegalArgumentException e) {
                throw CorpusException.at(file, firstLine, e.getMessage());
            }
        }

        private static String abbreviate(String line) {
            return line.length() > 40 ? line.substring(0, 40) + "…" : line;
        }
    }
}
