package dev.kefu.eval.dialog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Conversations written down as data: a {@code == name} line starts one, then one step per line,
 * {@code user text | action | intent [| key=value…]} (intent {@code -} when any will do; keys
 * {@code faq} and {@code reason} must equal, {@code has} must be in the reply's text and its
 * suggestions, {@code not} must not; {@code has} and {@code not} may repeat), or {@code @wait 31m}
 * for silence ({@code s}, {@code m} or {@code h}). {@code #} starts a comment line. A malformed line
 * is an {@link IllegalArgumentException} saying {@code file:line: what is wrong}.
 */
public final class DialogScript {
    private static final Set<String> ACTIONS = Set.of("answer", "clarify", "fallback", "handoff");

    private DialogScript() {
    }

    /** One conversation of a script: its name, where it starts ({@code file:line}) and its steps. */
    public record Conversation(String name, String where, List<Step> steps) {
        public Conversation {
            steps = List.copyOf(steps);
        }
    }

    /**
     * A user message and what must come back ({@code intent}, {@code faqId}, {@code reason} null when
     * any will do); or, when {@code text} is null, a silence of {@code silence}.
     */
    public record Step(String where, String text, String action, String intent, String faqId, String reason,
                       List<String> has, List<String> not, Duration silence) {
        public Step {
            has = List.copyOf(has);
            not = List.copyOf(not);
        }

        /** Whether this step is a silence rather than a message. */
        public boolean isSilence() {
            return text == null;
        }

        @Override
        public String toString() {
            return where + ": " + (text == null ? "@wait " + silence : text + " | " + action + " | "
                    + (intent == null ? "-" : intent));
        }
    }

    /** Every conversation of every {@code *.txt} file under {@code dir} (in name order), or of the file {@code path}. */
    public static List<Conversation> read(Path path) {
        try {
            if (!Files.isDirectory(path)) {
                return readFile(path);
            }
            try (Stream<Path> files = Files.list(path)) {
                List<Conversation> all = new ArrayList<>();
                for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    all.addAll(readFile(file));
                }
                return all;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Conversation> readFile(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Conversation> conversations = new ArrayList<>();
        String name = null;
        String start = null;
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file.getFileName() + ":" + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("==")) {
                if (name != null) {
                    conversations.add(finished(name, start, steps));
                }
                name = line.substring(2).strip();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException(where + ": a conversation needs a name after '=='");
                }
                start = where;
                steps = new ArrayList<>();
            } else if (name == null) {
                throw new IllegalArgumentException(where + ": a step before the first '== name' line");
            } else {
                steps.add(step(where, line));
            }
        }
        if (name != null) {
            conversations.add(finished(name, start, steps));
        }
        return conversations;
    }

    private static Conversation finished(String name, String where, List<Step> steps) {
        if (steps.stream().allMatch(Step::isSilence)) {
            throw new IllegalArgumentException(where + ": conversation '" + name + "' has no message");
        }
        return new Conversation(name, where, steps);
    }

    private static Step step(String where, String line) {
        if (line.startsWith("@wait")) {
            return new Step(where, null, null, null, null, null, List.of(), List.of(), silence(where, line.substring(5).strip()));
        }
        String[] cells = line.split("\\|");
        if (cells.length < 3) {
            throw new IllegalArgumentException(where + ": expected 'text | action | intent [| key=value…]'");
        }
        String text = cells[0].strip();
        String action = cells[1].strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(where + ": the user's text is empty");
        }
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException(where + ": unknown action '" + action + "' (expected one of "
                    + String.join(", ", ACTIONS.stream().sorted().toList()) + ")");
        }
        String faq = null;
        String reason = null;
        List<String> has = new ArrayList<>();
        List<String> not = new ArrayList<>();
        for (int c = 3; c < cells.length; c++) {
            String[] kv = cells[c].strip().split("=", 2);
            if (kv.length < 2 || kv[1].isBlank()) {
                throw new IllegalArgumentException(where + ": expected key=value, got '" + cells[c].strip() + "'");
            }
            String value = kv[1].strip();
            switch (kv[0].strip()) {
                case "faq" -> faq = value;
                case "reason" -> reason = value;
                case "has" -> has.add(value);
                case "not" -> not.add(value);
                default -> throw new IllegalArgumentException(where + ": unknown key '" + kv[0].strip()
                        + "' (expected faq, reason, has or not)");
            }
        }
        String intent = cells[2].strip();
        return new Step(where, text, action, intent.equals("-") || intent.isEmpty() ? null : intent, faq, reason,
                has, not, null);
    }

    private static Duration silence(String where, String value) {
        if (!value.matches("[0-9]{1,6}[smh]")) {
            throw new IllegalArgumentException(where + ": expected '@wait N' with N like 40s, 31m or 2h, got '"
                    + value + "'");
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 'h' -> Duration.ofHours(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
