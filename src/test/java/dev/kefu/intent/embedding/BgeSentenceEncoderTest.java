package dev.kefu.intent.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BgeSentenceEncoderTest {
    private static BgeSentenceEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = BgeSentenceEncoder.load();
    }

    @Test
    void vectors_have_the_stated_dimension_and_unit_length() {
        for (String text : new String[] {"我忘记密码了", "hi", "💳付款一直失败!!!"}) {
            float[] vector = encoder.encode(text);
            assertThat(vector).hasSize(encoder.dimension());
            assertThat(dot(vector, vector)).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void blank_text_gives_zeros() {
        assertThat(encoder.encode(" ")).hasSize(encoder.dimension()).containsOnly(0f);
    }

    @Test
    void a_paraphrase_is_nearer_than_an_unrelated_message() {
        float[] forgot = encoder.encode("我忘记密码了");
        assertThat(dot(forgot, encoder.encode("登录口令想不起来")))
                .isGreaterThan(dot(forgot, encoder.encode("明天北京天气怎么样")) + 0.2);
    }

    @Test
    void the_encoder_for_concurrent_calls_gives_the_same_vectors_bit_for_bit() throws Exception {
        BgeSentenceEncoder concurrent = BgeSentenceEncoder.loadForConcurrentCalls();
        for (String text : new String[] {"退款多久到账", "周杰伦的新歌", "hi 我的账号被盗了"}) {
            assertThat(concurrent.encode(text)).as(text).containsExactly(encoder.encode(text));
        }
    }

    @Test
    void the_same_text_gives_the_same_vector() {
        assertThat(encoder.encode("退款多久到账")).containsExactly(encoder.encode("退款多久到账"));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
