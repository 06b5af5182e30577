package dev.kefu.channel.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kefu.auth.Role;
import dev.kefu.studio.review.DecisionLog;
import dev.kefu.studio.review.LoggedDecision;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The decision log over HTTP: one bot reply's decision for the agent console's "why" view
 * ({@code GET /api/agent/messages/{id}/decision}), and the audit export of a period as CSV or JSONL
 * ({@code GET /api/studio/decisions?from=&to=&format=}, admin), streamed as the rows are read.
 * Thread-safe.
 */
final class DecisionRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DAYS = 366;
    private final DecisionLog log;

    DecisionRoutes(DecisionLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * {@code GET /api/agent/messages/{id}/decision}: why the bot sent message {@code id}; 404 when it
     * has no record, or for an agent when its conversation never reached the desk (admins see all).
     */
    void decision(Context ctx) {
        long id = messageId(ctx.pathParam("id"));
        boolean admin = AgentAuth.actor(ctx).role().covers(Role.ADMIN);
        LoggedDecision logged = log.decision(id, !admin).orElseThrow(() -> new ApiException(404, "no decision is logged "
                + "for message " + id + " (not a bot reply, purged" + (admin ? ")" : ", or of a chat never handed off)")));
        ctx.contentType("application/json; charset=utf-8").result(line(logged));
    }

    /**
     * {@code GET /api/studio/decisions?from=2026-12-01&to=2026-12-07&format=csv|jsonl} (admin): every
     * logged decision of those whole days in China Standard Time ({@code to} included; the last 7 days
     * by default), oldest first.
     */
    void export(Context ctx) {
        AgentAuth.requireRole(ctx, Role.ADMIN);
        String format = ctx.queryParam("format") == null ? "jsonl" : ctx.queryParam("format").strip();
        if (!format.equals("csv") && !format.equals("jsonl")) {
            throw new ApiException(400, "format must be csv or jsonl, was " + format);
        }
        LocalDate to = date(ctx, "to", LocalDate.now(ReportRoutes.TEAM_TIME));
        LocalDate from = date(ctx, "from", to.minusDays(6));
        if (from.isAfter(to) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new ApiException(400, "from must be on or before to, at most " + MAX_DAYS + " days apart");
        }
        boolean csv = format.equals("csv");
        ctx.contentType(csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"kefu-decisions-" + from + "-" + to + "."
                        + format + "\"")
                .header("Cache-Control", "no-store");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
            if (csv) {
                out.write(DecisionCsv.HEADER);
            }
            log.export(from.atStartOfDay(ReportRoutes.TEAM_TIME).toInstant(),
                    to.plusDays(1).atStartOfDay(ReportRoutes.TEAM_TIME).toInstant(), d -> write(out, csv, d));
        } catch (IOException e) {
            throw new UncheckedIOException("the client stopped reading the export", e);
        }
    }

    private static void write(Writer out, boolean csv, LoggedDecision d) {
        try {
            out.write(csv ? DecisionCsv.row(d, tree(d)) : line(d));
            if (!csv) {
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One decision as a JSON object: where, when, the message and reply, and the record itself. */
    static String line(LoggedDecision d) {
        ObjectNode line = JSON.createObjectNode();
        line.put("messageId", d.messageId());
        line.put("conversationId", d.conversationId());
        line.put("time", d.at().toString());
        line.put("userText", d.userText());
        line.put("replyText", d.replyText());
        line.put("faqId", d.faqId());
        line.set("decision", tree(d));
        return line.toString();
    }

    private static JsonNode tree(LoggedDecision d) {
        try {
            return JSON.readTree(d.decisionJson());
        } catch (IOException e) {
            throw new IllegalStateException("message " + d.messageId() + " holds a decision that is not JSON", e);
        }
    }

    private static long messageId(String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(400, "id must be a message id (a positive whole number), was " + value);
    }

    private static LocalDate date(Context ctx, String name, LocalDate fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiException(400, name + " must be a date like 2026-12-01, was " + value);
        }
    }
}
