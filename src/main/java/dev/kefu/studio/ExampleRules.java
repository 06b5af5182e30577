package dev.kefu.studio;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of {@code intents.tsv} applied to one example, with errors that name the field: the
 * loader's label form, a non-empty text on one line without tabs (the separator), FAQ ids that
 * exist and are listed once, and a text that no other example has already.
 */
final class ExampleRules {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    static final int MAX_LABEL = 64;

    private ExampleRules() {
    }

    /** The example {@code draft} describes (stripped), checked against the other examples and entries of {@code kb}. */
    static ExampleDraft check(ExampleDraft draft, long selfId, KbSnapshot kb) {
        String intent = draft.intent().strip();
        if (!LABEL.matcher(intent).matches() || intent.length() > MAX_LABEL) {
            throw KbException.invalid("intent", "must be 1-" + MAX_LABEL + " letters, digits, _ . and - (starting with "
                    + "a letter or digit), was '" + intent + "'");
        }
        String text = EntryRules.line("text", draft.text());
        if (text.contains("\t")) {
            throw KbException.invalid("text", "must not contain a tab (the column separator of intents.tsv)");
        }
        for (KbExample other : kb.examples()) {
            if (other.id() != selfId && other.text().equals(text)) {
                throw KbException.invalid("text", "'" + text + "' is already an example of intent '" + other.intent()
                        + "' (example " + other.id() + ")");
            }
        }
        List<String> ids = new ArrayList<>();
        for (String id : draft.faqIds()) {
            String stripped = id.strip();
            if (kb.entry(stripped).isEmpty()) {
                throw KbException.invalid("faqIds", "unknown FAQ entry '" + stripped + "'");
            }
            if (ids.contains(stripped)) {
                throw KbException.invalid("faqIds", "'" + stripped + "' is listed twice");
            }
            ids.add(stripped);
        }
        return new ExampleDraft(intent, text, ids);
    }
}
