package dev.kefu.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserPseudonymsTest {
    private static final String KEY = "k4H0Jm1X9qvQf5oYtV2wzR8sN3bLcE7uA6dGiP0yTxo";
    private final UserPseudonyms users = new UserPseudonyms(KEY);

    @Test
    void the_same_user_has_the_same_pseudonym_and_another_user_or_channel_another() {
        String phone = users.pseudonym("generic", "13812345678");
        assertThat(new UserPseudonyms(KEY).pseudonym("generic", "13812345678")).isEqualTo(phone);
        assertThat(users.pseudonym("generic", "13812345679")).isNotEqualTo(phone);
        assertThat(users.pseudonym("wechat", "13812345678")).isNotEqualTo(phone);
        assertThat(phone).doesNotContain("12345678");
        assertThat(UserPseudonyms.isPseudonym(phone)).isTrue();
        assertThat(UserPseudonyms.isPseudonym("13812345678")).isFalse();
    }

    @Test
    void another_key_gives_other_pseudonyms() {
        assertThat(new UserPseudonyms(UserPseudonyms.newKey()).pseudonym("generic", "13812345678"))
                .isNotEqualTo(users.pseudonym("generic", "13812345678"));
    }

    @Test
    void a_sealed_id_opens_to_the_id_and_differs_every_time() {
        String first = users.seal("13812345678");
        String second = users.seal("13812345678");
        assertThat(first).isNotEqualTo(second).doesNotContain("12345678");
        assertThat(users.open(first)).isEqualTo("13812345678");
        assertThat(users.open(second)).isEqualTo("13812345678");
    }

    @Test
    void a_sealed_id_does_not_open_with_another_key() {
        String sealed = users.seal("13812345678");
        assertThatThrownBy(() -> new UserPseudonyms(UserPseudonyms.newKey()).open(sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KEFU_USER_ID_KEY");
    }

    @Test
    void a_short_key_is_refused_with_how_to_make_one() {
        assertThatThrownBy(() -> new UserPseudonyms("secret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openssl rand -base64 32");
        assertThat(UserPseudonyms.newKey()).hasSizeGreaterThanOrEqualTo(UserPseudonyms.MIN_KEY_LENGTH);
    }
}
