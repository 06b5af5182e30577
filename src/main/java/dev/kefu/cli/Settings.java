package dev.kefu.cli;

import java.util.Map;

/** Operator settings shared by commands: flag first, then environment variable, then default. */
final class Settings {
    static final String HOTLINE_ENV = "KEFU_HOTLINE";
    /** Bearer token of the agent API; unset disables it. */
    static final String AGENT_TOKEN_ENV = "KEFU_AGENT_TOKEN";

    private Settings() {
    }

    /** The hotline text for answers, or null when not configured (answers then point to 官网「联系我们」). */
    static String hotline(Options options, Map<String, String> env) {
        String value = options.string("hotline", env.get(HOTLINE_ENV));
        return value == null || value.isBlank() ? null : value.strip();
    }
}
