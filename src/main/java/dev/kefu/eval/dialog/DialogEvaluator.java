package dev.kefu.eval.dialog;

import dev.kefu.dialog.ChatEngine;
import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.conversation.Suggestion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs scripted conversations ({@link DialogScript}) through real engines, one fresh engine (with its
 * own conversations and clock) per conversation, and scores every turn. A conversation passes when
 * every one of its turns does; a turn after a failed one still runs, from the state the engine is in.
 */
public final class DialogEvaluator {
    /** Simulated time between two messages of a conversation. */
    static final Duration BETWEEN_MESSAGES = Duration.ofSeconds(20);
    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    private final Function<Clock, ChatEngine> engines;

    /** {@code engines} builds a new engine with its own conversations, reading time from the clock it is given. */
    public DialogEvaluator(Function<Clock, ChatEngine> engines) {
        this.engines = Objects.requireNonNull(engines, "engines");
    }

    /** Scores every conversation of {@code conversations}. */
    public DialogReport run(List<DialogScript.Conversation> conversations) {
        List<DialogReport.Failure> failures = new ArrayList<>();
        int passed = 0;
        int turns = 0;
        int turnsPassed = 0;
        for (DialogScript.Conversation conversation : conversations) {
            SteppedClock clock = new SteppedClock(START);
            ChatEngine engine = engines.apply(clock);
            boolean ok = true;
            for (DialogScript.Step step : conversation.steps()) {
                if (step.isSilence()) {
                    clock.advance(step.silence());
                    continue;
                }
                Reply reply = engine.reply("dialog", step.text());
                List<String> wrong = check(step, reply);
                turns++;
                if (wrong.isEmpty()) {
                    turnsPassed++;
                } else {
                    ok = false;
                    failures.add(new DialogReport.Failure(conversation.name(), step.where(), step.text(),
                            expected(step), got(reply), String.join("; ", wrong)));
                }
                clock.advance(BETWEEN_MESSAGES);
            }
            passed += ok ? 1 : 0;
        }
        return new DialogReport(conversations.size(), passed, turns, turnsPassed, failures);
    }

    /** What is wrong with {@code reply} as the answer to {@code step}; empty when nothing is. */
    static List<String> check(DialogScript.Step step, Reply reply) {
        List<String> wrong = new ArrayList<>();
        if (!reply.action().wireName().equals(step.action())) {
            wrong.add("action " + reply.action().wireName() + ", expected " + step.action());
        }
        if (step.intent() != null && !step.intent().equals(reply.intent())) {
            wrong.add("intent " + reply.intent() + ", expected " + step.intent());
        }
        if (step.faqId() != null && !step.faqId().equals(reply.faqId())) {
            wrong.add("entry " + reply.faqId() + ", expected " + step.faqId());
        }
        if (step.reason() != null && !step.reason().equals(reply.reason())) {
            wrong.add("reason " + reply.reason() + ", expected " + step.reason());
        }
        String shown = shown(reply);
        for (String must : step.has()) {
            if (!shown.contains(must)) {
                wrong.add("no '" + must + "' in the reply");
            }
        }
        for (String mustNot : step.not()) {
            if (shown.contains(mustNot)) {
                wrong.add("'" + mustNot + "' in the reply");
            }
        }
        return wrong;
    }

    /** What the user sees: the reply's text and the questions suggested under it. */
    static String shown(Reply reply) {
        StringBuilder all = new StringBuilder(reply.text());
        for (Suggestion suggestion : reply.suggestions()) {
            all.append('\n').append(suggestion.question());
        }
        return all.toString();
    }

    private static String expected(DialogScript.Step step) {
        StringBuilder out = new StringBuilder(step.action()).append(' ').append(step.intent() == null ? "-" : step.intent());
        if (step.faqId() != null) {
            out.append(" faq=").append(step.faqId());
        }
        if (step.reason() != null) {
            out.append(" reason=").append(step.reason());
        }
        step.has().forEach(h -> out.append(" has=").append(h));
        step.not().forEach(n -> out.append(" not=").append(n));
        return out.toString();
    }

    private static String got(Reply reply) {
        String text = reply.text().replace('\n', ' ');
        return reply.action().wireName() + " " + reply.intent() + " faq=" + reply.faqId() + " reason=" + reply.reason()
                + " (" + reply.detail() + ") 「" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "」";
    }
}
