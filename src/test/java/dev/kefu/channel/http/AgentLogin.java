package dev.kefu.channel.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** An agent logged in over HTTP: its session cookie and CSRF token, sent with each request like a browser does. */
final class AgentLogin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestServer server;
    final String cookie;
    final String csrf;
    final JsonNode account;

    private AgentLogin(TestServer server, String cookie, JsonNode account) {
        this.server = server;
        this.cookie = cookie;
        this.account = account;
        this.csrf = account.get("csrfToken").asText();
    }

    /** The response of a login attempt. */
    static HttpResponse<String> attempt(TestServer server, String login, String password) throws Exception {
        return server.post("/api/auth/login", JSON.writeValueAsString(Map.of("login", login, "password", password)));
    }

    /** Logs in; the login must succeed. */
    static AgentLogin of(TestServer server, String login, String password) throws Exception {
        HttpResponse<String> response = attempt(server, login, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + login + " gave " + response.statusCode() + ": " + response.body());
        }
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return new AgentLogin(server, setCookie.substring(0, setCookie.indexOf(';')), JSON.readTree(response.body()));
    }

    /** A request with the cookie and, unless {@code withCsrf} is false, the CSRF token. */
    HttpResponse<String> send(String method, String path, String body, boolean withCsrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base + path)).header("Cookie", cookie)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (withCsrf) {
            request.header(AgentAuth.CSRF_HEADER, csrf);
        }
        return server.send(request);
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, true);
    }

    JsonNode json(String method, String path, String body) throws Exception {
        return JSON.readTree(send(method, path, body).body());
    }
}
