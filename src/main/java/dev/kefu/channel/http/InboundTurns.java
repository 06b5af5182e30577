package dev.kefu.channel.http;

import dev.kefu.channel.webhook.ChannelStore;
import dev.kefu.dialog.conversation.ConversationIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A platform message answered once: each platform user is one conversation, and each (channel,
 * user, message id) is one turn. The key is stored in the transaction of its turn, so a resend
 * (also one racing the first delivery, on any instance, or one after a crash) finds the stored
 * turn and gets its reply instead of a second turn; the same key with another text is 409.
 * Thread-safe.
 */
final class InboundTurns {
    /** A platform user's answer to the satisfaction question: one digit 1-5 (full-width too). */
    private static final java.util.regex.Pattern STARS = java.util.regex.Pattern.compile("[1-5１-５]");
    private static final java.util.Properties TEXTS = dev.kefu.text.TextResources.load(InboundTurns.class,
            "webhook.properties");
    private final Desk desk;
    private final ChannelStore channels;
    private final dev.kefu.handoff.TicketStore tickets;

    InboundTurns(Desk desk, ChannelStore channels, dev.kefu.handoff.TicketStore tickets) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
    }

    /** The question platform users get when an agent closes their ticket (the widget shows stars instead). */
    static String satisfactionQuestion() {
        return TEXTS.getProperty("satisfaction_question");
    }

    /** The key of message {@code messageId} of {@code userId}, whose text is {@code text}. */
    static ChannelStore.InboundKey key(String channel, String userId, String messageId, String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return new ChannelStore.InboundKey(channel, userId, messageId, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The reply to {@code text} of {@code userId} on {@code channel}, in the user's conversation. */
    MessageResponse converse(String channel, String userId, String text) {
        // a known user costs one read; a new one starts an empty conversation first, so that first
        // messages arriving together share it and are answered in order (ChatEngine)
        String conversation = channels.conversationOf(channel, userId)
                .orElseGet(() -> channels.conversationFor(channel, userId, ConversationIds.next()));
        MessageResponse rated = STARS.matcher(text.strip()).matches() ? rate(conversation, text.strip()) : null;
        return rated != null ? rated : desk.converse(conversation, text);
    }

    /** The answer to a rating of the service just closed; null when there is none to rate (the digit is a message). */
    private MessageResponse rate(String conversation, String digit) {
        try {
            tickets.rate(conversation, Character.getNumericValue(digit.codePointAt(0)), null);
        } catch (dev.kefu.handoff.UnknownTicketException | dev.kefu.handoff.TicketStatus.IllegalMove e) {
            return null;
        }
        return new MessageResponse(conversation, "answer", null, 1.0, TEXTS.getProperty("satisfaction_thanks"), null,
                java.util.List.of(), null, "satisfaction", null);
    }

    /**
     * Runs {@code process} (which records at most one turn) unless {@code key} was answered: then
     * the reply sent for it, or, when the sender died before storing that, {@code fromStored} of the
     * stored turn.
     */
    String once(ChannelStore.InboundKey key, Supplier<String> process, Function<ChannelStore.StoredTurn, String> fromStored) {
        Optional<ChannelStore.Answered> seen = channels.answered(key);
        if (seen.isEmpty()) {
            try {
                String reply = channels.answering(key, process);
                channels.answer(key, reply);
                return reply;
            } catch (ChannelStore.AlreadyAnswered e) { // a resend raced the first delivery and lost: its turn is gone
                seen = channels.answered(key);
            }
        }
        ChannelStore.Answered answered = seen.orElseThrow(() -> new IllegalStateException(
                "message " + key.messageId() + " was answered and then deleted"));
        if (!answered.textDigest().equals(key.textDigest())) {
            throw new ApiException(409, "message id " + key.messageId() + " of this user was already used for another "
                    + "text; give every message its own id");
        }
        return answered.reply() != null ? answered.reply() : fromStored.apply(answered.turn());
    }

    /** The JSON reply of a stored turn (without the suggestions, which are not stored). */
    MessageResponse stored(ChannelStore.StoredTurn turn) {
        return desk.stored(turn);
    }
}
