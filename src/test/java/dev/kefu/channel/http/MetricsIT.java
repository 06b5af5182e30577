package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code /metrics} says: counters at 0 from the start, tickets counted once, streams apart, a scrape of modest size. */
class MetricsIT {
    @TempDir
    Path dir;
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(dir.resolve("kefu.db"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void counters_with_known_labels_are_there_at_zero_before_anything_happened() throws Exception {
        String metrics = server.get("/metrics").body();
        assertThat(metrics).contains("kefu_handoffs_total{reason=\"user_request\"} 0.0",
                "kefu_fallbacks_total{reason=\"low_confidence\"} 0.0", "kefu_feedback_total{helpful=\"true\"} 0.0",
                "kefu_messages_inbound_total{channel=\"wechat\"} 0.0", "kefu_handoff_queue 0.0",
                "kefu_sse_connections{stream=\"widget\"} 0.0", "kefu_answer_confidence_count 0",
                "kefu_handoff_wait_seconds_count 0", "kefu_http_connections_refused_total 0.0",
                "jvm_memory_used_bytes", "process_cpu_usage", "process_uptime_seconds");
    }

    @Test
    void a_handoff_counts_one_ticket_however_many_messages_go_to_the_agent() throws Exception {
        var handoff = server.say(null, "转人工");
        String conversation = handoff.get("conversationId").asText();
        String ticket = handoff.get("handoff").get("ticketId").asText();
        server.say(null, "退款多久到账");
        String before = server.get("/metrics").body();
        assertThat(before).contains("kefu_handoffs_total{reason=\"user_request\"} 1.0",
                "kefu_messages_inbound_total{channel=\"web\"} 2.0", "kefu_handoff_queue 1.0",
                "kefu_answer_confidence_count 1");
        server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/agent/tickets/" + ticket + "/claim"))
                .header("Authorization", "Bearer " + TestServer.AGENT_TOKEN).POST(HttpRequest.BodyPublishers.noBody()));
        server.say(conversation, "在吗");
        server.say(conversation, "还要等多久");
        assertThat(server.get("/metrics").body()).contains("kefu_handoff_wait_seconds_count 1", "kefu_handoff_queue 0.0",
                "kefu_handoffs_total{reason=\"user_request\"} 1.0", "kefu_messages_inbound_total{channel=\"web\"} 4.0");
    }

    @Test
    void live_streams_are_counted_apart_and_stay_out_of_the_request_latencies() throws Exception {
        String conversation = server.say(null, "你好").get("conversationId").asText();
        try (EventStream stream = new EventStream(server.client(), server.base + "/api/conversations/" + conversation
                + "/events")) {
            stream.next("status");
            assertThat(server.get("/metrics").body()).contains("kefu_sse_connections{stream=\"widget\"} 1.0");
        }
        String metrics = server.get("/metrics").body();
        assertThat(metrics).doesNotContain("route=\"/api/conversations/{id}/events\"");
        long requestLines = metrics.lines().filter(l -> l.startsWith("kefu_http_requests_seconds")).count();
        assertThat(requestLines).as("SLO buckets: a handful of lines per route, not 70").isLessThan(60);
        assertThat(metrics.lines().count()).as("the whole scrape").isLessThan(400);
    }
}
