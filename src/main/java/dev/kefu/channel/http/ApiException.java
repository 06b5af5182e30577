package dev.kefu.channel.http;

/**
 * A request the API refuses, with the HTTP status, a message for the client and, where a client
 * acts on the kind of refusal, a stable code ({@code {"error": "…", "code": "wrong_agent_token"}}).
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    ApiException(int status, String message) {
        this(status, null, message);
    }

    /** {@code code}: snake_case, stable across releases, so clients map codes rather than English text. */
    ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    /** The stable code, or null. */
    String code() {
        return code;
    }
}
