package dev.kefu.studio;

import dev.kefu.faq.FaqCorpus;
import dev.kefu.faq.FaqEntry;
import dev.kefu.intent.Intents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules of {@code faq.txt} applied to one entry, with errors that name the field: the loader's
 * rules (id form, no empty value, at least {@value FaqCorpus#MIN_PARAPHRASES} paraphrases, a known
 * intent, a phrasing in one entry only), plus what the line format cannot hold (line breaks in a
 * one-line field, blank lines inside an answer). Values are stripped as the loader strips them.
 */
final class EntryRules {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    static final int MAX_ID = 64;
    static final int MAX_LINE = 500;
    static final int MAX_ANSWER = 2_000;

    private EntryRules() {
    }

    /** The entry {@code draft} describes, checked against {@code draft}'s neighbours in {@code kb}. */
    static FaqEntry check(EntryDraft draft, KbSnapshot kb) {
        String id = draft.id().strip();
        if (!ID.matcher(id).matches() || id.length() > MAX_ID) {
            throw KbException.invalid("id", "must be 1-" + MAX_ID + " lower-case letters, digits and -, starting with a "
                    + "letter or digit, was '" + id + "'");
        }
        String intent = line("intent", draft.intent());
        Set<String> known = intents(kb);
        if (!known.contains(intent)) {
            throw KbException.invalid("intent", "unknown intent '" + intent + "' (known: " + known + ")");
        }
        String question = line("question", draft.question());
        List<String> paraphrases = new ArrayList<>();
        for (int i = 0; i < draft.paraphrases().size(); i++) {
            paraphrases.add(line("paraphrases[" + i + "]", draft.paraphrases().get(i)));
        }
        if (paraphrases.size() < FaqCorpus.MIN_PARAPHRASES) {
            throw KbException.invalid("paraphrases", "has " + paraphrases.size() + ", needs at least "
                    + FaqCorpus.MIN_PARAPHRASES + " (other ways users ask the question)");
        }
        FaqEntry entry = new FaqEntry(id, intent, question, paraphrases, answer(draft.answer()));
        requireOwnPhrasings(entry, kb);
        return entry;
    }

    /** The intents an entry may answer: those with examples, out of scope aside. */
    static Set<String> intents(KbSnapshot kb) {
        Set<String> labels = new TreeSet<>();
        kb.examples().forEach(e -> labels.add(e.intent()));
        labels.remove(Intents.OOS);
        return labels;
    }

    /** The field that holds {@code phrasing} in {@code entry}'s body: {@code question} or {@code paraphrases[i]}. */
    static String field(FaqEntry entry, String phrasing) {
        int index = entry.paraphrases().indexOf(phrasing);
        return entry.question().equals(phrasing) || index < 0 ? "question" : "paraphrases[" + index + "]";
    }

    /** The entry other than {@code selfId} that has {@code phrasing}, or null. */
    static String owner(String phrasing, String selfId, KbSnapshot kb) {
        for (KbEntry other : kb.entries()) {
            if (!other.id().equals(selfId) && other.faq().phrasings().contains(phrasing)) {
                return other.id();
            }
        }
        return null;
    }

    private static void requireOwnPhrasings(FaqEntry entry, KbSnapshot kb) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> phrasings = entry.phrasings();
        for (int i = 0; i < phrasings.size(); i++) {
            String phrasing = phrasings.get(i);
            String field = i == 0 ? "question" : "paraphrases[" + (i - 1) + "]";
            if (seen.putIfAbsent(phrasing, i) != null) {
                throw KbException.invalid(field, "'" + phrasing + "' is listed twice in this entry");
            }
            String owner = owner(phrasing, entry.id(), kb);
            if (owner != null) {
                throw KbException.invalid(field, "'" + phrasing + "' is already a phrasing of entry '" + owner
                        + "': one phrasing answers one entry");
            }
        }
    }

    /** A one-line value, stripped; {@code field} names it in the error. */
    static String line(String field, String value) {
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw KbException.invalid(field, "must not be empty");
        }
        if (stripped.contains("\n") || stripped.contains("\r")) {
            throw KbException.invalid(field, "must be one line (no line breaks)");
        }
        if (stripped.length() > MAX_LINE) {
            throw KbException.invalid(field, "must be at most " + MAX_LINE + " characters, was " + stripped.length());
        }
        return stripped;
    }

    /** The answer with each line stripped; a blank line inside would end the entry in {@code faq.txt}. */
    static String answer(String value) {
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw KbException.invalid("answer", "must not be empty");
        }
        if (stripped.length() > MAX_ANSWER) {
            throw KbException.invalid("answer", "must be at most " + MAX_ANSWER + " characters, was " + stripped.length());
        }
        List<String> lines = stripped.lines().map(String::strip).toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                throw KbException.invalid("answer", "line " + (i + 1) + " is blank; an answer has no blank lines "
                        + "(each line is one 'answer:' line of faq.txt)");
            }
        }
        return String.join("\n", lines);
    }
}
