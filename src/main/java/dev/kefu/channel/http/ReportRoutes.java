package dev.kefu.channel.http;

import dev.kefu.auth.Role;
import dev.kefu.report.DeskReport;
import dev.kefu.report.DeskReports;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /api/agent/reports?from=2026-12-01&to=2026-12-07} (admin): the desk's report over
 * whole days in China Standard Time, the team's time ({@code to} included; the last 7 days by
 * default, at most 366). Thread-safe.
 */
final class ReportRoutes {
    static final ZoneId TEAM_TIME = ZoneId.of("Asia/Shanghai");
    private static final int MAX_DAYS = 366;
    private final DeskReports reports;

    ReportRoutes(DeskReports reports) {
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    void report(Context ctx) {
        AgentAuth.requireRole(ctx, Role.ADMIN);
        LocalDate today = LocalDate.now(TEAM_TIME);
        LocalDate to = date(ctx, "to", today);
        LocalDate from = date(ctx, "from", to.minusDays(6));
        if (from.isAfter(to) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new ApiException(400, "from must be on or before to, at most " + MAX_DAYS + " days apart");
        }
        DeskReport r = reports.report(from.atStartOfDay(TEAM_TIME).toInstant(),
                to.plusDays(1).atStartOfDay(TEAM_TIME).toInstant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("conversations", r.conversations());
        body.put("handedOff", r.handedOff());
        body.put("botResolutionRate", round(r.botResolutionRate()));
        body.put("handoffsByReason", r.handoffsByReason().stream().map(c -> Map.of("reason", c.key(), "count", c.count()))
                .toList());
        body.put("firstResponseSeconds", round(r.firstResponseSeconds()));
        body.put("handleSeconds", round(r.handleSeconds()));
        Map<String, Object> overall = new LinkedHashMap<>();
        overall.put("ratings", r.ratings());
        overall.put("meanStars", round(r.meanStars()));
        body.put("satisfaction", overall);
        body.put("agents", r.satisfactionByAgent().stream().map(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("login", a.login());
            row.put("displayName", a.displayName());
            row.put("closed", a.closed());
            row.put("ratings", a.ratings());
            row.put("meanStars", a.ratings() == 0 ? null : round(a.meanStars()));
            return row;
        }).toList());
        ctx.json(body);
    }

    private static LocalDate date(Context ctx, String name, LocalDate fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ApiException(400, name + " must be a date like 2026-12-01, was " + value);
        }
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }
}
