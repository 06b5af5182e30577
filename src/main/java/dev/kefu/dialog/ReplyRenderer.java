package dev.kefu.dialog;

import dev.kefu.dialog.conversation.HandoffRequest;
import dev.kefu.dialog.conversation.Reply;
import dev.kefu.dialog.conversation.Suggestion;
import dev.kefu.dialog.policy.Action;
import dev.kefu.dialog.policy.Decision;
import dev.kefu.dialog.policy.Reason;
import dev.kefu.faq.FaqEntry;
import dev.kefu.intent.IntentScore;
import dev.kefu.intent.Intents;
import dev.kefu.text.TextResources;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Turns a {@link Decision} into the {@link Reply} a user reads. Texts come from
 * {@code replies.properties}; {@code {hotline}} is replaced by the operator's hotline setting, or by
 * a pointer to the website's contact page when none is set (we never invent a number).
 * Immutable and thread-safe.
 */
public final class ReplyRenderer {
    private static final String HOTLINE = "{hotline}";
    private final Properties texts;
    private final String hotline;
    private final ServiceHours hours;
    private final Clock clock;

    /** {@code hotline} may be null or blank: answers then point to 官网「联系我们」. Agents are always there. */
    public ReplyRenderer(String hotline) {
        this(hotline, ServiceHours.ALWAYS, Clock.systemUTC());
    }

    /** Outside {@code hours}, a handoff tells the user when agents are back. */
    public ReplyRenderer(String hotline, ServiceHours hours, Clock clock) {
        this.texts = TextResources.load(ReplyRenderer.class, "replies.properties");
        this.hotline = hotline == null || hotline.isBlank() ? texts.getProperty("hotline.unset") : hotline.strip();
        this.hours = Objects.requireNonNull(hours, "hours");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The reply for {@code decision}; {@code top} is the top intent, null for an empty message. */
    public Reply render(String conversationId, Decision decision, IntentScore top) {
        String intent = top == null ? null : top.label();
        double confidence = top == null ? 0.0 : top.confidence();
        String reason = decision.reason().wireName();
        if (decision instanceof Decision.Answer a) {
            return new Reply(conversationId, Action.ANSWER, a.intent().label(), a.intent().confidence(), answerText(a),
                    a.entry().id(), suggestions(a.related()), null, reason, a.detail());
        }
        if (decision instanceof Decision.Clarify c) {
            StringBuilder text = new StringBuilder(text("clarify." + reason));
            for (int i = 0; i < c.options().size(); i++) {
                text.append('\n').append(i + 1).append(". ").append(c.options().get(i).question());
            }
            return new Reply(conversationId, Action.CLARIFY, intent, confidence, text.toString(), null,
                    suggestions(c.options()), null, reason, c.detail());
        }
        if (decision instanceof Decision.Fallback f) {
            return new Reply(conversationId, Action.FALLBACK, intent, confidence, text("fallback." + reason), null,
                    suggestions(f.topics()), null, reason, f.detail());
        }
        if (decision instanceof Decision.Notice n) {
            return new Reply(conversationId, Action.ANSWER, n.topic() == null ? intent : n.topic().label(),
                    n.topic() == null ? confidence : n.topic().confidence(), text("notice." + reason), null, List.of(),
                    null, reason, n.detail());
        }
        if (decision instanceof Decision.Handoff h) {
            return new Reply(conversationId, Action.HANDOFF, h.topic() == null ? intent : h.topic().label(),
                    h.topic() == null ? confidence : h.topic().confidence(), handoffText(h), null,
                    List.of(), new HandoffRequest(reason, h.priority()), reason, h.detail());
        }
        throw new IllegalStateException("unknown decision " + decision);
    }

    /**
     * The entry's answer; a repeated question gets an apology first, an urgent topic the offer of a
     * person after it, and a second problem in the same message a pointer to its question.
     */
    private String answerText(Decision.Answer a) {
        StringBuilder text = new StringBuilder();
        if (a.reason() == Reason.REPEATED_QUESTION || a.reason() == Reason.REPEATED_MESSAGE) {
            text.append(text("answer.repeated")).append('\n');
        }
        text.append(withHotline(a.entry().answer()));
        if (a.offerHandoff()) {
            boolean urgent = a.entry().intent().equals(Intents.ACCOUNT_STOLEN);
            text.append('\n').append(text(urgent ? "answer.offer_handoff" : "answer.offer_person"));
        }
        if (a.reason() == Reason.TWO_PROBLEMS && !a.related().isEmpty()) {
            text.append('\n').append(text("answer.also").replace("{question}", a.related().get(0).question()));
        }
        return text.toString();
    }

    /** The one-time request not to send card numbers, passwords or verification codes. */
    public String privacyWarning() {
        return text("privacy.warning");
    }

    /** {@code entry} with its answer as a user would read it ({@code {hotline}} filled in). */
    public FaqEntry filled(FaqEntry entry) {
        return new FaqEntry(entry.id(), entry.intent(), entry.question(), entry.paraphrases(), withHotline(entry.answer()));
    }

    /**
     * {@code reply} as sent while the conversation waits for a person who has not joined: a handoff
     * says the person is already on the way; anything else the bot answers meanwhile says so too, and
     * how to cancel. A cancellation is left as it is.
     */
    public Reply whileWaiting(Reply reply) {
        if (reply.action() == Action.HANDOFF) {
            return reply.withText(text("handoff.still_waiting"));
        }
        if (reply.reason().equals(Reason.HANDOFF_CANCELLED.wireName())) {
            return reply;
        }
        return reply.withNote(text("waiting.note"));
    }

    private String handoffText(Decision.Handoff handoff) {
        String key = handoff.reason() == Reason.ACCEPTED_OFFER && !handoff.priority() ? "handoff.accepted"
                : "handoff." + handoff.reason().wireName();
        String text = text(key);
        Instant now = clock.instant();
        if (hours.isOpen(now) || handoff.reason() == Reason.WITH_AGENT) {
            return text; // with a person, the bot says nothing at all
        }
        String back = hours.nextOpening(now).format(DateTimeFormatter.ofPattern("M月d日 HH:mm"));
        return text + "\n" + text("handoff.after_hours").replace("{hours}", hours.opens() + "–" + hours.closes())
                .replace("{back}", back);
    }

    private String withHotline(String text) {
        return text.replace(HOTLINE, hotline);
    }

    private String text(String key) {
        String value = texts.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("replies.properties has no '" + key + "'");
        }
        return withHotline(value);
    }

    private static List<Suggestion> suggestions(List<FaqEntry> entries) {
        return entries.stream().map(e -> new Suggestion(e.id(), e.question())).toList();
    }
}
