package dev.kefu.channel.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Who may use the agent API: a bearer token compared in constant time (both sides are hashed
 * first, so neither the length nor a prefix leaks). The token is never logged. Agents name
 * themselves with {@code X-Kefu-Agent}. Immutable and thread-safe.
 */
final class AgentAuth {
    static final String AGENT_HEADER = "X-Kefu-Agent";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9 ._-]{1,40}");
    private final byte[] expected;

    /** {@code token} null or blank disables the agent API. */
    AgentAuth(String token) {
        this.expected = token == null || token.isBlank() ? null : sha256(token.strip());
    }

    /** The agent's name; throws 401 without a valid token. */
    String authenticate(Context ctx) {
        if (expected == null) {
            throw new ApiException(401, "the agent API is disabled: start kefu with KEFU_AGENT_TOKEN set");
        }
        String header = ctx.header("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).strip()
                : ctx.queryParam("access_token"); // EventSource cannot send headers
        if (token == null || !MessageDigest.isEqual(sha256(token), expected)) {
            throw new ApiException(401, "missing or wrong agent token (Authorization: Bearer <KEFU_AGENT_TOKEN>)");
        }
        String name = ctx.header(AGENT_HEADER);
        if (name == null || name.isBlank()) {
            name = ctx.queryParam("agent");
        }
        if (name == null || name.isBlank()) {
            return "agent";
        }
        if (!NAME.matcher(name.strip()).matches()) {
            throw new ApiException(400, AGENT_HEADER + " must be 1-40 ASCII letters, digits, spaces, '.', '_' or '-'");
        }
        return name.strip();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
