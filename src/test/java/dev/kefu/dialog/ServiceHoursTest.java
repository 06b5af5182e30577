package dev.kefu.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ServiceHoursTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final ServiceHours day = ServiceHours.parse("09:00-21:00", SHANGHAI);

    private static Instant at(String shanghaiTime) {
        return java.time.LocalDateTime.parse(shanghaiTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void open_from_opening_until_just_before_closing() {
        assertThat(day.isOpen(at("2026-11-26T09:00"))).isTrue();
        assertThat(day.isOpen(at("2026-11-26T20:59"))).isTrue();
        assertThat(day.isOpen(at("2026-11-26T21:00"))).isFalse();
        assertThat(day.isOpen(at("2026-11-26T08:59"))).isFalse();
    }

    @Test
    void the_next_opening_is_today_before_opening_and_tomorrow_after_closing() {
        assertThat(day.nextOpening(at("2026-11-26T07:30")).toLocalDateTime()).hasToString("2026-11-26T09:00");
        assertThat(day.nextOpening(at("2026-11-26T22:10")).toLocalDateTime()).hasToString("2026-11-27T09:00");
    }

    @Test
    void hours_across_midnight_and_all_day_work() {
        ServiceHours night = ServiceHours.parse("20:00-02:00", SHANGHAI);
        assertThat(night.isOpen(at("2026-11-26T23:00"))).isTrue();
        assertThat(night.isOpen(at("2026-11-26T01:59"))).isTrue();
        assertThat(night.isOpen(at("2026-11-26T12:00"))).isFalse();
        assertThat(ServiceHours.parse("00:00-24:00", SHANGHAI).isOpen(at("2026-11-26T03:00"))).isTrue();
    }

    @Test
    void malformed_hours_are_rejected_with_the_expected_form() {
        assertThatThrownBy(() -> ServiceHours.parse("9-21h", SHANGHAI)).hasMessageContaining("09:00-21:00");
        assertThatThrownBy(() -> ServiceHours.parse("nine", SHANGHAI)).hasMessageContaining("09:00-21:00");
    }
}
