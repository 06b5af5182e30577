package dev.kefu.dialog;

import java.util.Locale;

/** Why the policy decided what it did; shown to agents, logged and counted in reports. */
public enum Reason {
    /** Confident intent with an FAQ entry for it. */
    CONFIDENT_MATCH,
    /** Confident intent that is urgent: answer and offer a person at once. */
    PRIORITY_INTENT,
    /** Two intents are about equally likely. */
    CLOSE_CANDIDATES,
    /** The best intent is not likely enough to answer. */
    LOW_CONFIDENCE,
    /** The message is outside what the desk handles. */
    OUT_OF_SCOPE,
    /** The intent has no FAQ entry to answer with. */
    NO_ANSWER,
    /** Nothing left after normalization (blank, emoji only). */
    EMPTY_MESSAGE,
    /** The user asked for a person. */
    USER_REQUEST,
    /** The bot failed twice in a row. */
    REPEATED_FALLBACK,
    /** The conversation is already with a person; the bot does not answer. */
    WITH_AGENT;

    /** The lower-case name used in JSON and reports. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
