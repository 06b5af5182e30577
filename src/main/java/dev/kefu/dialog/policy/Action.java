package dev.kefu.dialog.policy;

import java.util.Locale;

/** What the bot did with a message. */
public enum Action {
    ANSWER, CLARIFY, FALLBACK, HANDOFF;

    /** The lower-case name used in JSON and reports. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
