package dev.kefu.dialog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One conversation from a scenario file under {@code src/test/resources/dev/kefu/dialog/scenarios}:
 * a {@code == name} line, then one step per line, {@code user text | action | intent | key=value…}
 * (intent {@code -} when any will do; keys {@code faq} and {@code reason}), or {@code @wait 31m}
 * for silence. {@code #} starts a comment. Shared by the engine test and the HTTP test.
 */
public record Scenario(String name, String where, List<Step> steps) {
    /** A user message and what must come back; or, when {@code text} is null, a silence of {@code wait}. */
    public record Step(String where, String text, String action, String intent, String faqId, String reason,
                       Duration silence) {
        @Override
        public String toString() {
            return where + ": " + (text == null ? "@wait " + silence : text + " | " + action + " | " + intent);
        }
    }

    /** Every scenario of every {@code *.txt} file under {@code dir}, in file order. */
    public static List<Scenario> readAll(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Scenario> all = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                all.addAll(read(file));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Scenario> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Scenario> scenarios = new ArrayList<>();
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
                    scenarios.add(new Scenario(name, start, List.copyOf(steps)));
                }
                name = line.substring(2).strip();
                start = where;
                steps.clear();
            } else if (name == null) {
                throw new IllegalArgumentException(where + ": a step before the first '== name' line");
            } else {
                steps.add(step(where, line));
            }
        }
        if (name != null) {
            scenarios.add(new Scenario(name, start, List.copyOf(steps)));
        }
        return scenarios;
    }

    private static Step step(String where, String line) {
        if (line.startsWith("@wait ")) {
            String value = line.substring(6).strip();
            char unit = value.charAt(value.length() - 1);
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            Duration wait = unit == 'm' ? Duration.ofMinutes(amount) : unit == 'h' ? Duration.ofHours(amount)
                    : Duration.ofSeconds(amount);
            return new Step(where, null, null, null, null, null, wait);
        }
        String[] cells = line.split("\\|");
        if (cells.length < 3) {
            throw new IllegalArgumentException(where + ": expected 'text | action | intent [| key=value…]'");
        }
        String faq = null;
        String reason = null;
        for (int c = 3; c < cells.length; c++) {
            String[] kv = cells[c].strip().split("=", 2);
            switch (kv[0]) {
                case "faq" -> faq = kv[1];
                case "reason" -> reason = kv[1];
                default -> throw new IllegalArgumentException(where + ": unknown key '" + kv[0] + "'");
            }
        }
        String intent = cells[2].strip();
        return new Step(where, cells[0].strip(), cells[1].strip(), intent.equals("-") ? null : intent, faq, reason,
                null);
    }
}
