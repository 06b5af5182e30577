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
    private final Desk desk;
    private final ChannelStore channels;

    InboundTurns(Desk desk, ChannelStore channels) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.channels = Objects.requireNonNull(channels, "channels");
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
        return desk.converse(conversation, text);
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
