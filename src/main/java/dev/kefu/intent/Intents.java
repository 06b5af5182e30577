package dev.kefu.intent;

import java.util.Set;

/** The intent labels the rest of kefu relies on by name (see DESIGN.md). */
public final class Intents {
    public static final String PAYMENT_FAILED = "payment_failed";
    public static final String ACCOUNT_STOLEN = "account_stolen";
    public static final String ACCOUNT_RESTRICTED = "account_restricted";
    public static final String CHANGE_ACCOUNT_INFO = "change_account_info";
    public static final String REFUND_TIME = "refund_time";
    public static final String FORGOT_PASSWORD = "forgot_password";
    public static final String CONTACT_HOTLINE = "contact_hotline";
    public static final String HUMAN_AGENT = "human_agent";
    public static final String GREETING = "greeting";
    public static final String THANKS = "thanks";
    public static final String GOODBYE = "goodbye";
    /** Out of scope: a message the bot must not answer automatically. */
    public static final String OOS = "oos";

    /** Labels every corpus must cover. */
    public static final Set<String> REQUIRED = Set.of(PAYMENT_FAILED, ACCOUNT_STOLEN, ACCOUNT_RESTRICTED,
            CHANGE_ACCOUNT_INFO, REFUND_TIME, FORGOT_PASSWORD, CONTACT_HOTLINE, HUMAN_AGENT,
            GREETING, THANKS, GOODBYE);

    private Intents() {
    }

    /**
     * How urgent a problem is, higher first: a stolen account (money can still be lost) over a failed
     * payment (the user is stuck at a till) over everything else. Decides which of two problems in one
     * message is handled first.
     */
    public static int urgency(String label) {
        return ACCOUNT_STOLEN.equals(label) ? 2 : PAYMENT_FAILED.equals(label) ? 1 : 0;
    }

    /** True for labels that name a conversation move rather than a question the FAQ answers. */
    public static boolean isSmallTalk(String label) {
        return GREETING.equals(label) || THANKS.equals(label) || GOODBYE.equals(label);
    }
}
