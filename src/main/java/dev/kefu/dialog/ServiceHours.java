package dev.kefu.dialog;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * When human agents work: every day from {@code opens} to {@code closes} in {@code zone}
 * ({@code closes} before {@code opens} spans midnight). Immutable and thread-safe.
 */
public record ServiceHours(LocalTime opens, LocalTime closes, ZoneId zone) {
    /** Agents are always there. */
    public static final ServiceHours ALWAYS = new ServiceHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, ZoneId.of("UTC"));

    public ServiceHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(zone, "zone");
    }

    /** Parses {@code HH:mm-HH:mm} (for example {@code 09:00-21:00}); {@code 00:00-24:00} means always. */
    public static ServiceHours parse(String hours, ZoneId zone) {
        String[] parts = hours.strip().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("service-hours must look like 09:00-21:00, was " + hours);
        }
        try {
            LocalTime opens = LocalTime.parse(parts[0].strip());
            LocalTime closes = parts[1].strip().equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(parts[1].strip());
            return new ServiceHours(opens, closes, zone);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("service-hours must look like 09:00-21:00, was " + hours, e);
        }
    }

    /** True when agents work at {@code now}. */
    public boolean isOpen(Instant now) {
        if (opens.equals(closes)) {
            return true;
        }
        LocalTime time = now.atZone(zone).toLocalTime();
        return opens.isBefore(closes)
                ? !time.isBefore(opens) && time.isBefore(closes)
                : !time.isBefore(opens) || time.isBefore(closes);
    }

    /** The next moment agents start work after {@code now} (now itself when open). */
    public ZonedDateTime nextOpening(Instant now) {
        ZonedDateTime here = now.atZone(zone);
        if (isOpen(now)) {
            return here;
        }
        ZonedDateTime today = here.with(opens).withSecond(0).withNano(0);
        return today.isAfter(here) ? today : today.plusDays(1);
    }
}
