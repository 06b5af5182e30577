package dev.kefu.dialog.policy;

import dev.kefu.text.TextResources;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words users steer a conversation with, read once from {@code cues.properties}: rejecting an
 * answer (「不是这个」), accepting a person (「好的」), asking for more (「然后呢」), choosing a
 * numbered option (「第二个」), and joining two problems (「而且」). Every method takes normalized
 * text. Immutable and thread-safe.
 */
public final class Cues {
    private final Set<String> particles;
    private final Set<String> reject;
    private final Set<String> accept;
    private final Set<String> more;
    private final List<String> leads;
    private final List<String> joiners;
    private final Map<String, Integer> ordinals = new HashMap<>();
    private final Set<String> first;
    private final Set<String> last;
    private final List<String> cancelHandoff;
    private final List<String> complaint;
    private final List<String> complaintHow;
    private final List<String> person;
    private final List<String> repair;
    private final List<String> moneyLost;
    private final List<Pattern> still;
    private final List<String> vagueWords;
    private final Set<String> vagueTopics;

    private Cues(Properties p) {
        particles = set(p, "particles");
        reject = set(p, "reject");
        accept = set(p, "accept");
        more = set(p, "more");
        leads = list(p, "lead");
        joiners = list(p, "joiners");
        cancelHandoff = list(p, "cancel_handoff");
        complaint = list(p, "complaint");
        complaintHow = list(p, "complaint.asks_how");
        person = list(p, "person");
        repair = list(p, "repair");
        moneyLost = list(p, "money_lost");
        still = list(p, "still").stream().map(Pattern::compile).toList();
        vagueTopics = set(p, "vague.topics");
        vagueWords = Stream.concat(vagueTopics.stream(), list(p, "vague.fillers").stream()).distinct().toList();
        first = set(p, "ordinal.first");
        last = set(p, "ordinal.last");
        for (String pair : list(p, "ordinal.numbers")) {
            String[] kv = pair.split(":");
            int n = Integer.parseInt(kv[1]);
            for (String prefix : withEmpty(list(p, "ordinal.prefixes"))) {
                for (String di : List.of("", "第")) {
                    for (String suffix : withEmpty(list(p, "ordinal.suffixes"))) {
                        ordinals.put(prefix + di + kv[0] + suffix, n);
                    }
                }
            }
        }
    }

    /** The cues shipped with kefu. */
    public static Cues shipped() {
        return new Cues(TextResources.load(Cues.class, "cues.properties"));
    }

    /** 「不是这个」「没用」: the last answer did not help. */
    public boolean rejects(String text) {
        return matches(reject, text);
    }

    /** 「好的」「需要」: yes to what the bot offered. */
    public boolean accepts(String text) {
        return matches(accept, text);
    }

    /** 「然后呢」「还有呢」: more on the same topic. */
    public boolean asksForMore(String text) {
        return matches(more, text);
    }

    /** 「取消转人工」 anywhere in the message: the user no longer wants a person. */
    public boolean cancelsHandoff(String text) {
        return containsAny(cancelHandoff, text);
    }

    /** 「我要投诉」: a complaint, which a person takes; not 「在哪里投诉」, a question the FAQ answers. */
    public boolean complains(String text) {
        return containsAny(complaint, text) && !containsAny(complaintHow, text);
    }

    /** 「叫你们经理来」「是真人吗」: a person asked for in other words than 人工. */
    public boolean asksForPerson(String text) {
        return containsAny(person, text);
    }

    /** 「钱不见了」「被骗了」「验证码告诉了陌生人」: money lost or about to be, the urgent path. */
    public boolean losesMoney(String text) {
        return containsAny(moneyLost, text);
    }

    /** 「我问的不是这个啊」: the last answer missed, said anywhere in the message. */
    public boolean repairs(String text) {
        return rejects(text) && !saysStillNotSolved(text) || containsAny(repair, text);
    }

    /** 「都按你说的试过了，还是付不了」: the steps given did not help. */
    public boolean saysStillNotSolved(String text) {
        String bare = bare(text);
        return still.stream().anyMatch(p -> p.matcher(bare).find());
    }

    /**
     * 「账户有点问题」「钱的事情」: the message is made of topic words and filler only, with at least one
     * of each, so it names an area but no problem in it.
     */
    public boolean isVague(String text) {
        String bare = bare(text);
        // reach[i]: the kinds of word (bit 1 topic, bit 2 filler) of the ways to read bare[0, i) as words
        int[] reach = new int[bare.length() + 1];
        reach[0] = 4; // the empty start, read no word yet
        for (int i = 0; i < bare.length(); i++) {
            if (reach[i] == 0) {
                continue;
            }
            for (String word : vagueWords) {
                if (bare.startsWith(word, i)) {
                    reach[i + word.length()] |= reach[i] | (vagueTopics.contains(word) ? 1 : 2);
                }
            }
        }
        return !bare.isEmpty() && (reach[bare.length()] & 3) == 3;
    }

    /** 「那…」「如果…」 or 「…呢」: a message that leans on the one before. */
    public boolean leansOnContext(String text) {
        String bare = bare(text);
        return bare.endsWith("呢") || leads.stream().anyMatch(bare::startsWith);
    }

    /** True when the message joins two clauses (「而且」「还有」, or a comma between them). */
    public boolean joinsTwo(String text) {
        String inner = text.strip();
        return joiners.stream().anyMatch(inner::contains) || inner.matches(".+[,，;；].+");
    }

    /** The 1-based option the message chooses out of {@code options}, if it is only a choice. */
    public OptionalInt choice(String text, int options) {
        String bare = bare(text);
        Integer n = ordinals.get(bare);
        if (n == null && first.contains(bare)) {
            n = 1;
        } else if (n == null && last.contains(bare)) {
            n = options;
        }
        return n != null && n >= 1 && n <= options ? OptionalInt.of(n) : OptionalInt.empty();
    }

    /** The text without punctuation, spaces or symbols: what cue lists are compared with. */
    public static String bare(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean containsAny(List<String> cues, String text) {
        String bare = bare(text);
        return cues.stream().anyMatch(bare::contains);
    }

    private boolean matches(Set<String> cues, String text) {
        String bare = bare(text);
        if (cues.contains(bare)) {
            return true;
        }
        for (int cut = 1; cut <= 2 && cut < bare.length(); cut++) {
            String tail = bare.substring(bare.length() - cut);
            if (tail.codePoints().allMatch(c -> particles.contains(Character.toString(c)))
                    && cues.contains(bare.substring(0, bare.length() - cut))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> withEmpty(List<String> items) {
        return Stream.concat(Stream.of(""), items.stream()).toList();
    }

    private static Set<String> set(Properties p, String key) {
        return Set.copyOf(list(p, key));
    }

    private static List<String> list(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("cues.properties has no '" + key + "'");
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableList());
    }
}
