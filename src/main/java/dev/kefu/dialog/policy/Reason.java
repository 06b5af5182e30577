package dev.kefu.dialog.policy;

import java.util.Locale;

/** Why the policy decided what it did; shown to agents, logged and counted in reports. */
public enum Reason {
    /** Confident intent with an FAQ entry for it. */
    CONFIDENT_MATCH,
    /** Confident intent that is urgent: answer and offer a person at once. */
    PRIORITY_INTENT,
    /** The message names two problems: the more urgent one is answered, the other offered. */
    TWO_PROBLEMS,
    /** The user picked one of the numbered options the bot offered. */
    CHOSEN_OPTION,
    /** A short message that continues the topic of the last answer. */
    FOLLOW_UP,
    /** "And then?" after an answer: the other questions of the same topic are offered. */
    MORE_ON_TOPIC,
    /** The same question again: answered again, with an apology and the offer of a person. */
    REPEATED_QUESTION,
    /** Two intents, or two entries below the answer threshold, are about equally likely. */
    CLOSE_CANDIDATES,
    /** The two best entries are both likely and too close to tell apart: the user picks one. */
    CLOSE_ANSWERS,
    /** The topic is sure, but no entry of it is likely enough: the user picks one of its likeliest. */
    SURE_TOPIC,
    /** The user said the last answer did not help (「不是这个」): alternatives are offered. */
    REJECTED_ANSWER,
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
    /** The bot failed twice in a row: it offers a person (and hands off when the user accepts). */
    REPEATED_FALLBACK,
    /** The same message a third time in a row: the bot is not helping, it offers a person. */
    REPEATED_MESSAGE,
    /** The user complains (投诉): a person takes it, with a ticket reason of its own. */
    COMPLAINT,
    /** The steps the bot gave did not help (「都试过了，还是不行」): a person is offered. */
    STILL_NOT_SOLVED,
    /** The message is too vague to answer (「账户有点问题」): the bot asks which problem it is. */
    VAGUE_MESSAGE,
    /** The user cancelled the handoff they were waiting for (「取消转人工」): the ticket is closed. */
    HANDOFF_CANCELLED,
    /** 「取消转人工」 when no handoff is waiting: nothing to cancel. */
    NOTHING_TO_CANCEL,
    /** The user accepted the person the bot offered (「好的」 after a stolen-account answer). */
    ACCEPTED_OFFER,
    /** The conversation is already with a person who has joined it; the bot does not answer. */
    WITH_AGENT;

    /** The lower-case name used in JSON and reports. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
