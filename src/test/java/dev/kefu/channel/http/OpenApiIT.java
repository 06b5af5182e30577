package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /openapi.json} against the server: it names every route with its methods, and real
 * responses of every route, errors included, have a status, a content type and a body (required
 * fields, types, enums) that it describes. So the description cannot drift from the code.
 */
class OpenApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private TestServer server;
    private JsonNode spec;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(dir.resolve("kefu.db"));
        HttpResponse<String> response = server.get("/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        spec = JSON.readTree(response.body());
        assertThat(spec.get("openapi").asText()).isEqualTo("3.1.0");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void the_description_names_every_route_with_its_methods_and_no_other() {
        Map<String, Set<String>> served = new TreeMap<>();
        server.server().routeMethods().forEach((path, methods) -> {
            Set<String> listed = new TreeSet<>(methods);
            listed.remove("HEAD"); // every GET answers HEAD, said once in the description
            served.put(path, listed);
        });
        Map<String, Set<String>> described = new TreeMap<>();
        spec.get("paths").fields().forEachRemaining(path -> {
            Set<String> methods = new TreeSet<>();
            path.getValue().fieldNames().forEachRemaining(m -> {
                if (!m.equals("parameters")) {
                    methods.add(m.toUpperCase(java.util.Locale.ROOT));
                }
            });
            described.put(path.getKey(), methods);
        });
        assertThat(described).isEqualTo(served);
    }

    @Test
    void real_responses_of_every_route_and_error_match_the_description() throws Exception {
        JsonNode reply = check("POST", "/api/messages", json("/api/messages", "{\"text\": \"退款多久到账\"}"));
        String conversation = reply.get("conversationId").asText();
        check("POST", "/api/messages", json("/api/messages", "{}"));
        check("POST", "/api/messages", send(request("/api/messages").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"你好\"}"))));
        check("OPTIONS", "/api/messages", send(request("/api/messages").method("OPTIONS", HttpRequest.BodyPublishers.noBody())));
        check("GET", "/api/conversations/{id}/messages", send(request("/api/conversations/" + conversation + "/messages").GET()));
        check("GET", "/api/conversations/{id}/messages", send(request("/api/conversations/nope/messages").GET()));
        check("POST", "/api/conversations/{id}/feedback", json("/api/conversations/" + conversation + "/feedback",
                "{\"messageId\": " + reply.get("messageId").asLong() + ", \"helpful\": true}"));
        check("POST", "/api/conversations/{id}/feedback", json("/api/conversations/" + conversation + "/feedback", "{}"));
        check("GET", "/api/conversations/{id}/events", send(request("/api/conversations/nope/events").GET()));
        stream("/api/conversations/{id}/events", "/api/conversations/" + conversation + "/events");

        JsonNode handoff = check("POST", "/api/messages", json("/api/messages", "{\"text\": \"转人工\"}"));
        String ticket = handoff.get("handoff").get("ticketId").asText();
        check("GET", "/api/agent/tickets", send(request("/api/agent/tickets").GET()));
        check("GET", "/api/agent/tickets", agent("GET", "/api/agent/tickets?status=waiting", null));
        check("GET", "/api/agent/tickets", agent("GET", "/api/agent/tickets?status=nope", null));
        check("GET", "/api/agent/tickets/{id}", agent("GET", "/api/agent/tickets/" + ticket, null));
        check("GET", "/api/agent/tickets/{id}", agent("GET", "/api/agent/tickets/nope", null));
        check("POST", "/api/agent/tickets/{id}/messages", agent("POST", "/api/agent/tickets/" + ticket + "/messages",
                "{\"text\": \"在吗\"}"));
        check("POST", "/api/agent/tickets/{id}/claim", agent("POST", "/api/agent/tickets/" + ticket + "/claim", null));
        check("POST", "/api/agent/tickets/{id}/claim", agent("POST", "/api/agent/tickets/" + ticket + "/claim", null));
        check("POST", "/api/agent/tickets/{id}/messages", agent("POST", "/api/agent/tickets/" + ticket + "/messages",
                "{\"text\": \"您好\"}"));
        check("POST", "/api/agent/tickets/{id}/messages", agent("POST", "/api/agent/tickets/" + ticket + "/messages", "{}"));
        String handedOff = handoff.get("conversationId").asText();
        check("POST", "/api/conversations/{id}/typing", json("/api/conversations/" + handedOff + "/typing", "{}"));
        check("POST", "/api/conversations/{id}/typing", json("/api/conversations/" + conversation + "/typing", "{}"));
        check("POST", "/api/conversations/{id}/typing", json("/api/conversations/" + handedOff + "/typing", "{\"text\": \"x\"}"));
        check("POST", "/api/agent/tickets/{id}/typing", agent("POST", "/api/agent/tickets/" + ticket + "/typing", "{}"));
        check("POST", "/api/agent/tickets/{id}/typing", agent("POST", "/api/agent/tickets/nope/typing", "{}"));
        JsonNode streamTicket = check("POST", "/api/agent/stream-ticket", agent("POST", "/api/agent/stream-ticket", null));
        stream("/api/agent/events", "/api/agent/events?ticket="
                + URLEncoder.encode(streamTicket.get("ticket").asText(), StandardCharsets.UTF_8));
        check("GET", "/api/agent/events", send(request("/api/agent/events?ticket=forged").GET()));
        check("POST", "/api/agent/tickets/{id}/close", agent("POST", "/api/agent/tickets/" + ticket + "/close",
                "{\"note\": \"已处理\"}"));
        check("POST", "/api/agent/tickets/{id}/handback", agent("POST", "/api/agent/tickets/" + ticket + "/handback", null));
        check("GET", "/api/agent/feedback", agent("GET", "/api/agent/feedback", null));
        check("GET", "/api/agent/messages/{id}/decision", agent("GET", "/api/agent/messages/"
                + handoff.get("messageId").asLong() + "/decision", null));
        check("GET", "/api/agent/messages/{id}/decision", agent("GET", "/api/agent/messages/999999/decision", null));
        check("GET", "/api/studio/inbox", agent("GET", "/api/studio/inbox", null));
        studio();
        check("POST", "/api/agent/reload", agent("POST", "/api/agent/reload", null));

        check("GET", "/webhook/wechat", send(request("/webhook/wechat?signature=x&timestamp=1&nonce=2&echostr=e").GET()));
        check("POST", "/webhook/wechat", send(request("/webhook/wechat?signature=x&timestamp=1&nonce=2")
                .POST(HttpRequest.BodyPublishers.ofString("<xml/>"))));
        check("POST", "/webhook/generic", json("/webhook/generic", "{\"userId\": \"u1\", \"text\": \"你好\", \"messageId\": \"m1\"}"));
        check("GET", "/health", send(request("/health").GET()));
        for (String file : new String[] {"inbox.js", "inbox.css", "nope.js", "..%2Fagent.html"}) {
            check("GET", "/studio/{file}", send(request("/studio/" + file).GET()));
        }
        for (String page : new String[] {"/metrics", "/openapi.json", "/", "/widget.js", "/agent", "/studio/inbox"}) {
            check("GET", page, send(request(page).GET()));
        }
        for (String file : new String[] {"main.js", "widget.css", "nope.js", "..%2Fagent.html"}) {
            check("GET", "/widget/{file}", send(request("/widget/" + file).GET()));
        }
    }

    /** The studio's review routes, as an admin sees them. */
    private void studio() throws Exception {
        dev.kefu.auth.Accounts accounts = new dev.kefu.auth.Accounts(new dev.kefu.store.SqlAccountStore(server.db()),
                TestServer.HASHER, java.time.Clock.systemUTC());
        accounts.create(new dev.kefu.auth.NewAccount("boss", "王经理", "desk-password-2026", dev.kefu.auth.Role.ADMIN, 5));
        AgentLogin admin = AgentLogin.of(server, "boss", "desk-password-2026");
        check("POST", "/api/messages", json("/api/messages", "{\"text\": \"今天天气怎么样\"}"));
        JsonNode inbox = check("GET", "/api/studio/inbox", admin.send("GET", "/api/studio/inbox", null));
        long id = inbox.get("clusters").get(0).get("messageIds").get(0).asLong();
        check("POST", "/api/studio/inbox/reviews", admin.send("POST", "/api/studio/inbox/reviews",
                "{\"messageIds\": [" + id + "], \"outcome\": \"dismissed\"}"));
        check("POST", "/api/studio/inbox/reviews", admin.send("POST", "/api/studio/inbox/reviews",
                "{\"messageIds\": [" + id + "], \"outcome\": \"dismissed\"}"));
        check("POST", "/api/studio/inbox/reviews", admin.send("POST", "/api/studio/inbox/reviews", "{}"));
        check("GET", "/api/studio/decisions", admin.send("GET", "/api/studio/decisions?format=csv", null));
        check("GET", "/api/studio/decisions", admin.send("GET", "/api/studio/decisions", null));
        check("GET", "/api/studio/decisions", admin.send("GET", "/api/studio/decisions?format=pdf", null));
    }

    /** Checks one response against the description of {@code method template}; returns its JSON body (or null). */
    private JsonNode check(String method, String template, HttpResponse<String> response) throws Exception {
        String where = method + " " + template + " → " + response.statusCode();
        JsonNode operation = spec.get("paths").path(template).path(method.toLowerCase(java.util.Locale.ROOT));
        assertThat(operation.isMissingNode()).as(where + ": operation described").isFalse();
        JsonNode described = resolve(operation.get("responses").path(String.valueOf(response.statusCode())));
        assertThat(described.isMissingNode()).as(where + ": status described; body " + response.body()).isFalse();
        JsonNode content = described.path("content");
        if (content.isMissingNode()) {
            return null;
        }
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        assertThat(content.has(type)).as(where + ": content type " + type + " described").isTrue();
        if (!type.equals("application/json")) {
            return null;
        }
        JsonNode body = JSON.readTree(response.body());
        validate(content.get(type).get("schema"), body, where);
        return body;
    }

    private void stream(String template, String path) throws Exception {
        HttpResponse<InputStream> response = server.client().send(request(path).header("Accept", "text/event-stream").GET()
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            JsonNode described = spec.get("paths").get(template).get("get").get("responses").path(String.valueOf(response.statusCode()));
            assertThat(described.isMissingNode()).as(template + " " + response.statusCode()).isFalse();
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        }
    }

    private void validate(JsonNode schema, JsonNode value, String where) {
        schema = resolve(schema);
        if (schema.has("type")) {
            boolean ok = false;
            for (JsonNode type : schema.get("type").isArray() ? schema.get("type") : JSON.createArrayNode().add(schema.get("type"))) {
                ok |= matches(type.asText(), value);
            }
            assertThat(ok).as(where + ": " + value + " is " + schema.get("type")).isTrue();
        }
        if (value.isNull()) {
            return;
        }
        if (schema.has("enum")) {
            assertThat(schema.get("enum").toString()).as(where + ": enum").contains(value.toString());
        }
        for (JsonNode required : schema.path("required")) {
            assertThat(value.has(required.asText())).as(where + ": required " + required + " in " + value).isTrue();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            if (value.has(property.getKey())) {
                validate(property.getValue(), value.get(property.getKey()), where + "." + property.getKey());
            }
        }
        if (schema.has("items")) {
            for (JsonNode item : value) {
                validate(schema.get("items"), item, where + "[]");
            }
        }
    }

    private static boolean matches(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new AssertionError("unknown type " + type);
        };
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = spec.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.base + path)).timeout(java.time.Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return server.send(request);
    }

    private HttpResponse<String> json(String path, String body) throws Exception {
        return server.post(path, body);
    }

    private HttpResponse<String> agent(String method, String path, String body) throws Exception {
        return server.send(request(path).header("Authorization", "Bearer " + TestServer.AGENT_TOKEN)
                .header("X-Kefu-Agent", "li").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }
}
