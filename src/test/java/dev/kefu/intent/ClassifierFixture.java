package dev.kefu.intent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kefu.text.ChineseVariants;
import dev.kefu.text.SmartcnTokenizer;
import dev.kefu.text.Synonyms;
import dev.kefu.text.TextNormalizer;
import dev.kefu.text.Tokens;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the classifier tests share: the text pipeline (without synonyms, so a test sees smartcn's
 * own words), the small corpora they train on, and the check every classifier trained on
 * {@link #TINY} must pass.
 */
public final class ClassifierFixture {
    public static final TextNormalizer NORMALIZER = new TextNormalizer(ChineseVariants.icu());
    public static final SmartcnTokenizer TOKENIZER = new SmartcnTokenizer(Synonyms.none());
    /** Three intents (refund_time, forgot_password, greeting), eight lines each. */
    public static final String TINY = "/dev/kefu/intent/tiny-intents.tsv";

    private ClassifierFixture() {
    }

    /** The labeled corpus at classpath {@code resource}. */
    public static List<LabeledText> corpus(String resource) {
        try {
            return LabeledCorpus.read(Path.of(ClassifierFixture.class.getResource(resource).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(resource, e);
        }
    }

    /** {@code text} normalized and tokenized as the classifiers receive it. */
    public static Tokens tokens(String text) {
        return TOKENIZER.tokenize(NORMALIZER.normalize(text));
    }

    /** Phrasings no line of {@link #TINY} holds are still given their intent first. */
    public static void assertUnseenPhrasingsRankFirst(IntentClassifier classifier) {
        assertThat(classifier.classify(tokens("退款还要等几天")).top().label()).isEqualTo("refund_time");
        assertThat(classifier.classify(tokens("密码不记得了")).top().label()).isEqualTo("forgot_password");
        assertThat(classifier.classify(tokens("您好啊")).top().label()).isEqualTo("greeting");
    }
}
