package dev.kefu.channel.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kefu.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agent accounts over HTTP: the CLI's first admin, logins, roles, CSRF, throttling, removal and the audit trail. */
class AccountsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PASSWORD = "管理员-Secret-2026";
    private static final String AGENT_PASSWORD = "works-9-to-5-daily";

    @TempDir
    Path dir;
    private TestServer server;
    private AgentLogin admin;

    @BeforeEach
    void start() throws Exception {
        Path db = dir.resolve("kefu.db");
        server = new TestServer(db);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"agents", "add", "--login", "boss", "--name", "王经理", "--role", "admin",
                "--db", TestServer.databaseUrl(db)}, new ByteArrayInputStream((ADMIN_PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("created admin boss (王经理)");
        admin = AgentLogin.of(server, "boss", ADMIN_PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> create(String login, String name, String password, String role) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("login", login);
        body.put("displayName", name);
        body.put("password", password);
        body.put("role", role);
        return admin.send("POST", "/api/agent/accounts", JSON.writeValueAsString(body));
    }

    @Test
    void an_admin_creates_an_agent_with_a_chinese_name_who_logs_in_with_an_http_only_same_site_cookie() throws Exception {
        HttpResponse<String> created = create("lina", "李娜", AGENT_PASSWORD, "agent");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> login = AgentLogin.attempt(server, "lina", AGENT_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(AgentAuth.SESSION_COOKIE + "=").contains("HttpOnly", "SameSite=Strict", "Path=/");
        JsonNode me = AgentLogin.of(server, "lina", AGENT_PASSWORD).json("GET", "/api/auth/me", null);
        assertThat(me.get("displayName").asText()).isEqualTo("李娜");
        assertThat(me.get("role").asText()).isEqualTo("agent");
        // the password is stored as a PBKDF2 hash, never as itself
        String stored = server.db().read(c -> {
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT password_hash FROM agent_accounts WHERE login = 'lina'")) {
                r.next();
                return r.getString(1);
            }
        });
        assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain(AGENT_PASSWORD);
    }

    @Test
    void a_duplicate_login_an_empty_display_name_and_a_weak_password_are_400_naming_the_field() throws Exception {
        assertThat(create("lina", "李娜", AGENT_PASSWORD, "agent").statusCode()).isEqualTo(201);
        assertField(create("LINA", "另一个李娜", AGENT_PASSWORD, "agent"), "login");
        assertField(create("zhang", "  ", AGENT_PASSWORD, "agent"), "displayName");
        assertField(create("zhang", "张伟", "short", "agent"), "password");
        assertField(create("zhang", "张伟", "aaaaaaaaaaaaaaa", "agent"), "password");
        assertField(create("zhang", "张伟", AGENT_PASSWORD, "owner"), "role");
        assertField(create("张伟", "张伟", AGENT_PASSWORD, "agent"), "login");
    }

    private static void assertField(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("field").asText()).isEqualTo(field);
    }

    @Test
    void an_agent_may_not_manage_accounts_and_the_machine_token_is_no_admin() throws Exception {
        create("lina", "李娜", AGENT_PASSWORD, "agent");
        AgentLogin lina = AgentLogin.of(server, "lina", AGENT_PASSWORD);
        HttpResponse<String> byAgent = lina.send("POST", "/api/agent/accounts",
                "{\"login\": \"zhang\", \"displayName\": \"张伟\", \"password\": \"second-shift-42\"}");
        assertThat(byAgent.statusCode()).isEqualTo(403);
        assertThat(lina.send("GET", "/api/agent/audit", null).statusCode()).isEqualTo(403);
        assertThat(lina.send("GET", "/api/agent/accounts", null).statusCode()).as("colleagues to transfer to").isEqualTo(200);
        assertThat(lina.send("GET", "/api/agent/tickets?status=waiting", null).statusCode()).isEqualTo(200);
        HttpResponse<String> byToken = server.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.base + "/api/agent/audit")).header("Authorization", "Bearer " + TestServer.AGENT_TOKEN));
        assertThat(byToken.statusCode()).isEqualTo(403);
        JsonNode list = admin.json("GET", "/api/agent/accounts", null);
        assertThat(list.get("accounts").findValuesAsText("login")).containsExactly("boss", "lina");
    }

    @Test
    void a_change_without_the_csrf_token_is_403_and_acting_on_someone_elses_ticket_is_409_naming_them() throws Exception {
        create("lina", "李娜", AGENT_PASSWORD, "agent");
        create("wei", "张伟", "second-shift-42", "agent");
        AgentLogin lina = AgentLogin.of(server, "lina", AGENT_PASSWORD);
        AgentLogin wei = AgentLogin.of(server, "wei", "second-shift-42");
        String ticket = server.say(null, "转人工").get("handoff").get("ticketId").asText();
        HttpResponse<String> forged = lina.send("POST", "/api/agent/tickets/" + ticket + "/claim", null, false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains(AgentAuth.CSRF_HEADER);
        assertThat(lina.send("POST", "/api/agent/tickets/" + ticket + "/claim", null).statusCode()).isEqualTo(200);
        HttpResponse<String> other = wei.send("POST", "/api/agent/tickets/" + ticket + "/messages", "{\"text\": \"您好\"}");
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.body()).contains("lina");
        HttpResponse<String> claimAgain = wei.send("POST", "/api/agent/tickets/" + ticket + "/claim", null);
        assertThat(claimAgain.statusCode()).isEqualTo(409);
        assertThat(claimAgain.body()).contains("lina");
    }

    @Test
    void wrong_passwords_are_401_then_429_per_account_and_per_address() throws Exception {
        create("lina", "李娜", AGENT_PASSWORD, "agent");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < AccountRoutes.ACCOUNT_BURST + 2; i++) {
            statuses.add(AgentLogin.attempt(server, "lina", "wrong-password-" + i).statusCode());
        }
        assertThat(statuses.subList(0, AccountRoutes.ACCOUNT_BURST)).containsOnly(401);
        assertThat(statuses.subList(AccountRoutes.ACCOUNT_BURST, statuses.size())).containsOnly(429);
        // throttled: even the right password waits, and the answer says how long
        HttpResponse<String> right = AgentLogin.attempt(server, "lina", AGENT_PASSWORD);
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
        // other logins from the same address: the address runs out too
        statuses.clear();
        for (int i = 0; i < AccountRoutes.IP_BURST; i++) {
            statuses.add(AgentLogin.attempt(server, "nobody" + i, "wrong-password").statusCode());
        }
        assertThat(statuses).contains(401).endsWith(429);
        assertThat(AgentLogin.attempt(server, "boss", ADMIN_PASSWORD).statusCode()).isEqualTo(429);
    }

    @Test
    void a_removed_account_loses_its_session_at_once_and_logout_ends_a_session() throws Exception {
        create("lina", "李娜", AGENT_PASSWORD, "agent");
        AgentLogin lina = AgentLogin.of(server, "lina", AGENT_PASSWORD);
        AgentLogin again = AgentLogin.of(server, "lina", AGENT_PASSWORD);
        assertThat(lina.send("POST", "/api/auth/logout", null).statusCode()).isEqualTo(200);
        assertThat(lina.send("GET", "/api/agent/tickets", null).statusCode()).isEqualTo(401);
        assertThat(again.send("GET", "/api/agent/tickets", null).statusCode()).isEqualTo(200);
        assertThat(admin.send("POST", "/api/agent/accounts/lina/remove", null).statusCode()).isEqualTo(200);
        assertThat(again.send("GET", "/api/agent/tickets", null).statusCode()).isEqualTo(401);
        assertThat(AgentLogin.attempt(server, "lina", AGENT_PASSWORD).statusCode()).isEqualTo(401);
        // the login stays taken: the audit trail names it
        assertField(create("lina", "新李娜", AGENT_PASSWORD, "agent"), "login");
        assertThat(admin.send("POST", "/api/agent/accounts/lina/remove", null).statusCode()).isEqualTo(404);
    }

    @Test
    void every_agent_action_is_in_the_audit_trail_under_the_account_that_did_it() throws Exception {
        create("lina", "李娜", AGENT_PASSWORD, "agent");
        AgentLogin lina = AgentLogin.of(server, "lina", AGENT_PASSWORD);
        String ticket = server.say(null, "转人工").get("handoff").get("ticketId").asText();
        lina.send("POST", "/api/agent/tickets/" + ticket + "/claim", null);
        lina.send("POST", "/api/agent/tickets/" + ticket + "/messages", "{\"text\": \"您好，我是李娜\"}");
        lina.send("POST", "/api/agent/tickets/" + ticket + "/close", "{\"note\": \"已处理\"}");
        JsonNode actions = admin.json("GET", "/api/agent/audit", null).get("actions");
        List<String> lines = new ArrayList<>();
        actions.forEach(a -> lines.add(a.get("account").asText() + " " + a.get("action").asText() + " "
                + a.get("target").asText()));
        assertThat(lines).containsSubsequence("lina close " + ticket, "lina reply " + ticket, "lina claim " + ticket,
                "lina login null", "boss account_create lina");
        assertThat(admin.send("GET", "/api/agent/tickets/" + ticket, null).body()).contains("\"agent\":\"lina\"");
    }
}
