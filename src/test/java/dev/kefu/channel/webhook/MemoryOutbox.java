package dev.kefu.channel.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** A hand-written in-memory outbox with the store's rules (oldest pending message per user, leases). Not thread-safe. */
final class MemoryOutbox implements ChannelStore {
    /** One message and what became of it. */
    static final class Row {
        final OutboundMessage message;
        int attempts;
        Instant due = Instant.EPOCH;
        boolean delivered;
        String dead;
        String lastError;

        Row(OutboundMessage message) {
            this.message = message;
        }
    }

    final List<Row> rows = new ArrayList<>();

    void add(String userId, String text) {
        rows.add(new Row(new OutboundMessage(rows.size() + 1, "generic", userId, "conv-" + userId, text, 0)));
    }

    Row row(long id) {
        return rows.get((int) id - 1);
    }

    @Override
    public List<OutboundMessage> take(Instant now, int limit, Duration lease) {
        List<OutboundMessage> due = new ArrayList<>();
        Set<String> pendingUsers = new HashSet<>();
        for (Row row : rows) {
            if (row.delivered || row.dead != null) {
                continue;
            }
            boolean first = pendingUsers.add(row.message.userId());
            if (first && !row.due.isAfter(now) && due.size() < limit) {
                row.due = now.plus(lease);
                OutboundMessage m = row.message;
                due.add(new OutboundMessage(m.id(), m.channel(), m.userId(), m.conversationId(), m.text(), row.attempts));
            }
        }
        return due;
    }

    @Override
    public void delivered(long outboxId, Instant at) {
        row(outboxId).attempts++;
        row(outboxId).delivered = true;
    }

    @Override
    public void failed(long outboxId, String error, Instant nextAttempt) {
        row(outboxId).attempts++;
        row(outboxId).lastError = error;
        row(outboxId).due = nextAttempt;
    }

    @Override
    public void dead(long outboxId, String note, Instant at) {
        row(outboxId).attempts++;
        row(outboxId).dead = note;
    }

    @Override
    public long backlog() {
        return rows.stream().filter(r -> !r.delivered && r.dead == null).count();
    }

    @Override
    public Optional<String> conversationOf(String channel, String userId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String conversationFor(String channel, String userId, String newConversationId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Answered> answered(InboundKey key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> T answering(InboundKey key, Supplier<T> work) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void answer(InboundKey key, String reply) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean firstUse(String channel, String nonce, Instant now, Duration window) {
        throw new UnsupportedOperationException();
    }
}
