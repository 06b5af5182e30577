package dev.kefu.channel.http;

import dev.kefu.handoff.TicketCursor;
import dev.kefu.handoff.TicketStatus;
import io.javalin.http.Context;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated {@code GET /api/agent/tickets} query: {@code status} (one status, {@code ended} for
 * closed and handed-back together, or none for every status), {@code limit} (1 to
 * {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}) and, for ended tickets only, {@code before}
 * (the {@code next} cursor of the previous page). Every rejection names the parameter and the rule.
 *
 * @param statuses the statuses asked for; empty for every status
 */
record TicketQuery(Set<TicketStatus> statuses, int limit, TicketCursor before) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    /** The {@code status} value that asks for closed and handed-back tickets in one list. */
    static final String ENDED = "ended";
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,3}");
    private static final Set<TicketStatus> ENDED_STATUSES = Set.of(TicketStatus.CLOSED, TicketStatus.HANDED_BACK);

    TicketQuery {
        statuses = Set.copyOf(statuses);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        if (before != null && !isEnded(statuses)) {
            throw new IllegalArgumentException("before applies to ended tickets only");
        }
    }

    static TicketQuery of(Context ctx) {
        Set<TicketStatus> statuses = statuses(ctx.queryParam("status"));
        int limit = limit(ctx.queryParam("limit"));
        String before = ctx.queryParam("before");
        if (before == null) {
            return new TicketQuery(statuses, limit, null);
        }
        if (!isEnded(statuses)) {
            throw new ApiException(400, "before works only with status=closed, handed_back or ended");
        }
        try {
            return new TicketQuery(statuses, limit, TicketCursor.parse(before));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "before must be the next value of the previous page, "
                    + "<closedAt ISO-8601>|<ticketId>: " + e.getMessage() + "; was " + abbreviate(before));
        }
    }

    /** True when only ended tickets are asked for: they come newest first, in pages. */
    boolean ended() {
        return isEnded(statuses);
    }

    /** The one status asked for, or null for every status; only when not {@link #ended()}. */
    TicketStatus openStatus() {
        return statuses.isEmpty() ? null : statuses.iterator().next();
    }

    private static boolean isEnded(Set<TicketStatus> statuses) {
        return !statuses.isEmpty() && statuses.stream().noneMatch(TicketStatus::isOpen);
    }

    private static Set<TicketStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return Set.of();
        }
        if (status.equals(ENDED)) {
            return ENDED_STATUSES;
        }
        try {
            return Set.of(TicketStatus.ofWire(status));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "status must be one of waiting, assigned, closed, handed_back, ended; was "
                    + abbreviate(status));
        }
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        // at most 3 digits: no overflow, and anything longer is out of range anyway
        int value = DIGITS.matcher(limit).matches() ? Integer.parseInt(limit) : 0;
        if (value < 1 || value > MAX_LIMIT) {
            throw new ApiException(400, "limit must be an integer from 1 to " + MAX_LIMIT + ", was " + abbreviate(limit));
        }
        return value;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
