package dev.kefu.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.dialog.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The outbox's delivery rules on an in-memory store and a scripted sender, with a clock the test moves. */
class OutboxWorkerTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final MemoryOutbox store = new MemoryOutbox();
    private final List<String> sent = new ArrayList<>();
    /** What the platform does with a message: null accepts it. */
    private Function<OutboundMessage, RuntimeException> platform = m -> null;
    private final OutboxWorker worker = new OutboxWorker(store, List.of(new OutboundSender() {
        @Override
        public String channel() {
            return "generic";
        }

        @Override
        public void send(OutboundMessage message) {
            RuntimeException refusal = platform.apply(message);
            if (refusal != null) {
                throw refusal;
            }
            sent.add(message.text());
        }
    }), clock);

    @Test
    void a_transient_failure_of_the_first_message_holds_back_the_second_and_third_to_the_same_user() {
        store.add("u1", "1");
        store.add("u1", "2");
        store.add("u1", "3");
        store.add("u2", "other user");
        platform = m -> m.text().equals("1") && m.attempts() == 0 ? new OutboundSender.DeliveryException("HTTP 503") : null;
        worker.deliverDue();
        assertThat(sent).as("u2 is not held back by u1").containsExactly("other user");
        clock.advance(Duration.ofSeconds(1));
        worker.deliverDue();
        assertThat(sent).containsExactly("other user", "1", "2", "3");
    }

    @Test
    void a_permanent_refusal_is_dead_lettered_at_once_with_its_reason_and_the_next_message_goes_out() {
        store.add("u1", "您好，还在吗");
        store.add("u1", "second");
        platform = m -> m.text().startsWith("您好") ? OutboundSender.DeliveryException.permanent("errcode 45015",
                "用户超过 48 小时未互动，无法发送（errcode 45015）") : null;
        worker.deliverDue();
        assertThat(store.row(1).dead).contains("未送达").contains("用户超过 48 小时未互动，无法发送").contains("您好，还在吗");
        assertThat(store.row(1).attempts).isEqualTo(1);
        assertThat(sent).containsExactly("second");
        assertThat(worker.metrics()).contains("kefu_outbox_dead_letters_total 1").contains("kefu_outbox_delivered_total 1")
                .contains("kefu_outbox_failures_total 1").contains("kefu_outbox_backlog 0");
    }

    @Test
    void a_message_that_keeps_failing_is_dead_lettered_after_the_attempt_limit() {
        store.add("u1", "never");
        platform = m -> new OutboundSender.DeliveryException("HTTP 502 from receiver");
        for (int i = 0; i < OutboxWorker.MAX_ATTEMPTS + 3; i++) {
            worker.deliverDue();
            clock.advance(Duration.ofMinutes(6)); // past every backoff
        }
        assertThat(store.row(1).attempts).isEqualTo(OutboxWorker.MAX_ATTEMPTS);
        assertThat(store.row(1).dead).contains("尝试 " + OutboxWorker.MAX_ATTEMPTS + " 次仍未送达").contains("HTTP 502");
        assertThat(worker.metrics()).contains("kefu_outbox_backlog 0")
                .contains("kefu_outbox_failures_total " + OutboxWorker.MAX_ATTEMPTS);
    }

    @Test
    void a_channel_without_a_sender_is_dead_lettered_with_that_reason() {
        store.rows.add(new MemoryOutbox.Row(new OutboundMessage(1, "wechat", "o1", "c1", "hi", 0)));
        worker.deliverDue();
        assertThat(store.row(1).dead).contains("没有配置发送方式");
    }

    @Test
    void the_backoff_doubles_from_one_second_up_to_five_minutes() {
        assertThat(OutboxWorker.backoff(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(OutboxWorker.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(OutboxWorker.backoff(20)).isEqualTo(Duration.ofMinutes(5));
    }
}
