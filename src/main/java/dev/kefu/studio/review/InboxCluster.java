package dev.kefu.studio.review;

import java.util.List;

/**
 * Similar messages of the review inbox, in the order they came (the first led the cluster), with
 * the entry the answer ranker suggests for the first and, when an agent answered one of them after
 * a handoff, that answer as the draft of a new entry.
 *
 * @param suggestion  null when the ranker proposes nothing
 * @param draftAnswer null when no agent answered any of them
 */
public record InboxCluster(List<ReviewItem> items, Suggestion suggestion, String draftAnswer) {
    public InboxCluster {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a cluster has at least one message");
        }
    }

    /** The message that led the cluster. */
    public ReviewItem leader() {
        return items.get(0);
    }

    /** How many messages it holds. */
    public int size() {
        return items.size();
    }
}
