package dev.kefu.channel.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the account's custom-menu {@code CLICK} buttons do: a small UTF-8 file, one
 * {@code EventKey = target} per line ({@code #} comments and blank lines allowed). A target
 * {@code faq:ID} replies with that FAQ entry's answer; any other target is handled as if the user
 * had sent it as a message. Immutable and thread-safe.
 */
public final class WechatMenu {
    /** No menu: every click gets {@code success}. */
    public static final WechatMenu NONE = new WechatMenu(Map.of());

    /** What one button does: a fixed reply, or a message to answer as the user's. */
    public record Target(String reply, String message) {
    }

    private final Map<String, Target> targets;

    private WechatMenu(Map<String, Target> targets) {
        this.targets = Map.copyOf(targets);
    }

    /** Reads {@code file}; {@code answers} are the FAQ answers by entry id, for {@code faq:} targets. */
    public static WechatMenu read(Path file, Map<String, String> answers) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the WeChat menu file: " + e.getMessage());
        }
        Map<String, Target> targets = new LinkedHashMap<>();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? "" : line.substring(0, eq).strip();
            String target = eq < 0 ? "" : line.substring(eq + 1).strip();
            if (key.isEmpty() || target.isEmpty()) {
                throw new IllegalArgumentException(file + ":" + n + ": expected EventKey = faq:ID or EventKey = message, "
                        + "found " + line);
            }
            if (key.length() > 128) {
                throw new IllegalArgumentException(file + ":" + n + ": an EventKey is at most 128 bytes, " + key + " is longer");
            }
            if (targets.put(key, target(file, n, target, answers)) != null) {
                throw new IllegalArgumentException(file + ":" + n + ": EventKey " + key + " is listed twice");
            }
        }
        return new WechatMenu(targets);
    }

    private static Target target(Path file, int n, String target, Map<String, String> answers) {
        if (!target.startsWith("faq:")) {
            return new Target(null, target);
        }
        String id = target.substring(4).strip();
        String answer = answers.get(id);
        if (answer == null) {
            throw new IllegalArgumentException(file + ":" + n + ": no FAQ entry " + id + " (see corpus/faq.*)");
        }
        return new Target(answer, null);
    }

    /** What the button {@code eventKey} does, if the file lists it. */
    public Optional<Target> target(String eventKey) {
        return Optional.ofNullable(eventKey == null ? null : targets.get(eventKey.strip()));
    }
}
