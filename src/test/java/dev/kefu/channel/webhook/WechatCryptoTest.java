package dev.kefu.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * WeChat's message crypto against an independent reference: the fixed vectors of the wechatpy
 * SDK's own tests ({@code tests/test_crypto.py}: token 123456, EncodingAESKey kWxPEV2U…, receiver id
 * wx49f0ab532d5d035a; the algorithm is the same for Official Accounts, where the id is the
 * AppID). The decrypted vector was also checked once with Python's {@code cryptography} package,
 * outside kefu. Then round trips and the refusals.
 */
class WechatCryptoTest {
    private static final String TOKEN = "123456";
    private static final String KEY = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";
    private static final String APP_ID = "wx49f0ab532d5d035a";
    private static final String ENCRYPTED = "RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatf"
            + "jsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/g"
            + "YNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgp"
            + "kHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9Qa"
            + "NWHp91eBdCRxthuL0=";
    private final WechatCrypto crypto = new WechatCrypto(TOKEN, KEY, APP_ID);

    @Test
    void the_sdk_vector_verifies_and_decrypts_to_its_xml() {
        assertThat(crypto.verify("74d92dfeb87ba7c714f89d98870ae5eb62dff26d", "1411525903", "461056294", ENCRYPTED)).isTrue();
        assertThat(crypto.verify("74d92dfeb87ba7c714f89d98870ae5eb62dff26d", "1411525903", "461056295", ENCRYPTED)).isFalse();
        String xml = crypto.decrypt(ENCRYPTED);
        assertThat(xml).startsWith("<xml><ToUserName><![CDATA[wx49f0ab532d5d035a]]></ToUserName>")
                .contains("<FromUserName><![CDATA[messense]]></FromUserName>")
                .contains("<Content><![CDATA[test]]></Content>").contains("<MsgId>4363689963896700987</MsgId>");
        WechatMessage message = WechatXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(message.fromUser()).isEqualTo("messense");
        assertThat(message.content()).isEqualTo("test");
    }

    @Test
    void encryption_with_the_sdk_random_bytes_gives_the_sdk_ciphertext_and_msg_signature() {
        String reply = "<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n"
                + "<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n<ToUserName><![CDATA[messense]]></ToUserName>\n"
                + "<AgentID>1</AgentID>\n<CreateTime>1411525903</CreateTime>\n</xml>";
        String encrypt = crypto.encrypt(reply, "1234567890123456".getBytes(StandardCharsets.US_ASCII));
        assertThat(encrypt).isEqualTo("9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBY"
                + "qxgNcBqGsL8GqxlhZgURnAtObvesEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qv"
                + "SUCUld+/WIXrx0oyKQmpB6o8NRrrNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmN"
                + "OuiR5MIkdQ39xn1vWwi1O5oazPoQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3");
        assertThat(crypto.signature("1411525903", "461056294", encrypt)).isEqualTo("407518b7649e86ef23978113f92d27afa9296533");
    }

    @Test
    void what_is_encrypted_decrypts_again_whatever_its_length_and_language() {
        for (String xml : new String[] {"", "<xml/>", "<xml><Content><![CDATA[退款多久到账？]]></Content></xml>",
            "x".repeat(31), "x".repeat(32), "测".repeat(1000)}) {
            String encrypt = crypto.encrypt(xml);
            assertThat(Base64.getDecoder().decode(encrypt).length % 32).as("padded to 32-byte blocks").isZero();
            assertThat(crypto.decrypt(encrypt)).isEqualTo(xml);
        }
        assertThat(crypto.encrypt("<xml/>")).as("16 fresh random bytes each time").isNotEqualTo(crypto.encrypt("<xml/>"));
    }

    @Test
    void the_encrypted_reply_envelope_is_signed_with_its_timestamp_and_nonce() {
        String envelope = crypto.encryptedReply("<xml><Content>好</Content></xml>", "1764000000", "nonce-1");
        String encrypt = envelope.replaceAll(".*<Encrypt><!\\[CDATA\\[([^\\]]+)]]></Encrypt>.*", "$1");
        assertThat(envelope).contains("<TimeStamp>1764000000</TimeStamp>").contains("<Nonce><![CDATA[nonce-1]]></Nonce>")
                .contains("<MsgSignature><![CDATA[" + crypto.signature("1764000000", "nonce-1", encrypt) + "]]></MsgSignature>");
        assertThat(crypto.decrypt(encrypt)).isEqualTo("<xml><Content>好</Content></xml>");
    }

    @Test
    void another_key_another_app_id_or_a_tampered_ciphertext_is_refused_with_a_reason() {
        WechatCrypto otherKey = new WechatCrypto(TOKEN, "A".repeat(43), APP_ID);
        assertThatThrownBy(() -> otherKey.decrypt(ENCRYPTED)).isInstanceOf(WechatCrypto.Refused.class)
                .hasMessageContaining("EncodingAESKey");
        WechatCrypto otherApp = new WechatCrypto(TOKEN, KEY, "wx0000000000000000");
        assertThatThrownBy(() -> otherApp.decrypt(ENCRYPTED)).isInstanceOf(WechatCrypto.Refused.class)
                .hasMessageContaining("AppID");
        byte[] bytes = Base64.getDecoder().decode(ENCRYPTED);
        bytes[bytes.length - 1] ^= 0x5a; // the last block: its padding no longer decrypts
        assertThatThrownBy(() -> crypto.decrypt(Base64.getEncoder().encodeToString(bytes)))
                .isInstanceOf(WechatCrypto.Refused.class);
        assertThatThrownBy(() -> crypto.decrypt("not base64 !")).isInstanceOf(WechatCrypto.Refused.class);
        assertThatThrownBy(() -> crypto.decrypt("QUJD")).isInstanceOf(WechatCrypto.Refused.class);
        assertThat(crypto.verify("74d92dfeb87ba7c714f89d98870ae5eb62dff26d", "1411525903", "461056294",
                ENCRYPTED.replace('R', 'S'))).as("msg_signature covers <Encrypt>").isFalse();
    }

    @Test
    void an_encoding_aes_key_that_is_not_43_characters_of_base64_is_refused_at_start() {
        assertThatThrownBy(() -> new WechatCrypto(TOKEN, KEY.substring(1), APP_ID))
                .hasMessageContaining("43-character EncodingAESKey").hasMessageContaining("was 42 characters");
        assertThatThrownBy(() -> new WechatCrypto(TOKEN, "!".repeat(43), APP_ID)).hasMessageContaining("KEFU_WECHAT_AES_KEY");
    }
}
