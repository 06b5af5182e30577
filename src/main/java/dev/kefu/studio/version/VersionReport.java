package dev.kefu.studio.version;

import java.util.List;
import java.util.Objects;

/**
 * How a trained version does on {@code eval.tsv} (answer accuracy and precision as {@code kefu eval}
 * reports them, end-to-end accuracy), by cross-validation of its classifier on its training lines
 * (null when off), on the seed's five messages, and line by line (for the lines that changed
 * outcome between two versions and the lines that must not break).
 */
public record VersionReport(double answerAccuracy, double answerPrecision, double e2eAccuracy, Double cvAccuracy,
                            List<Outcome> seeds, List<Outcome> lines) {
    /** The five messages every version is asked (the seed of the project's demo). */
    public static final List<String> SEED_MESSAGES = List.of("付款一直失败", "我的账号被盗了", "退款多久到账", "忘记密码了", "转人工");

    public VersionReport {
        seeds = List.copyOf(seeds);
        lines = List.copyOf(lines);
    }

    /**
     * What the bot did with one message: the action, the entry it answered with (null when none),
     * the reply's text, and for an eval line whether that was right (intent and, where the line
     * names them, entry).
     */
    public record Outcome(String text, String action, String faqId, String reply, boolean right) {
        public Outcome {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(action, "action");
        }

        /** The same outcome: action and entry. */
        public boolean sameAs(Outcome other) {
            return action.equals(other.action) && Objects.equals(faqId, other.faqId);
        }
    }
}
