package dev.kefu.dialog;

import dev.kefu.faq.FaqEntry;
import dev.kefu.faq.FaqHit;
import dev.kefu.intent.IntentPrediction;
import dev.kefu.intent.IntentScore;
import java.util.ArrayList;
import java.util.List;

/** Small FAQ entries and predictions shared by the dialog tests. */
public final class Fixtures {
    public static final FaqEntry PAY = entry("pay-failed", "payment_failed", "付款失败怎么办？");
    public static final FaqEntry PAY_CARD = entry("pay-card", "payment_failed", "银行卡被拒怎么办？");
    public static final FaqEntry REFUND = entry("refund-time", "refund_time", "退款多久到账？");
    public static final FaqEntry STOLEN = entry("account-stolen", "account_stolen", "账号被盗怎么办？");
    public static final FaqEntry HOTLINE = entry("contact-hotline", "contact_hotline", "客服电话是多少？");
    public static final FaqEntry HELLO = entry("smalltalk-greeting", "greeting", "你好");
    public static final List<FaqEntry> ENTRIES = List.of(PAY, PAY_CARD, REFUND, STOLEN, HOTLINE, HELLO);

    private Fixtures() {
    }

    public static FaqEntry entry(String id, String intent, String question) {
        return new FaqEntry(id, intent, question, List.of("a", "b", "c", "d", "e"), "答案：" + question + " {hotline}");
    }

    /** A prediction with {@code label} at {@code top} and the rest spread over {@code others}. */
    public static IntentPrediction predict(String label, double top, Object... others) {
        List<IntentScore> ranked = new ArrayList<>(List.of(new IntentScore(label, top)));
        for (int i = 0; i < others.length; i += 2) {
            ranked.add(new IntentScore((String) others[i], (Double) others[i + 1]));
        }
        return new IntentPrediction(ranked);
    }

    public static List<FaqHit> hits(FaqEntry... entries) {
        List<FaqHit> hits = new ArrayList<>();
        for (int i = 0; i < entries.length; i++) {
            hits.add(new FaqHit(entries[i], 10.0 - i));
        }
        return hits;
    }
}
