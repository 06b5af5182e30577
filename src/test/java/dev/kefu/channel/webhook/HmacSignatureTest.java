package dev.kefu.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The generic webhook's signature rule: HMAC-SHA256 of {@code timestamp + "." + body}. */
class HmacSignatureTest {
    private static final String BODY = "{\"userId\": \"app-user-7\", \"text\": \"退款多久到账\", \"messageId\": \"m-1001\"}";
    private final HmacSignature signature = new HmacSignature("test-secret");

    @Test
    void the_signature_is_the_one_openssl_computes_from_the_readme_recipe() {
        // printf '%s' "1764000000.$body" | openssl dgst -sha256 -hmac test-secret (Python's hmac agrees)
        assertThat(signature.sign("1764000000", BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=8f0d3dfc33175e6f2dc792bb28ea4978feedca063ddea0916c08a9586b782ade");
    }

    @Test
    void an_old_body_and_signature_do_not_verify_under_a_fresh_timestamp() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String old = signature.sign("1764000000", body);
        assertThat(signature.verify("1764000000", body, old)).isTrue();
        assertThat(signature.verify("1764000301", body, old)).isFalse();
        assertThat(signature.verify("1764000000", (BODY + " ").getBytes(StandardCharsets.UTF_8), old)).isFalse();
        assertThat(signature.verify(null, body, old)).isFalse();
        assertThat(signature.verify("1764000000", body, null)).isFalse();
        assertThat(signature.verify("1764000000", body, old.toUpperCase(java.util.Locale.ROOT).replace("SHA256", "sha256")))
                .as("hex in either case").isTrue();
    }

    @Test
    void the_body_alone_is_no_longer_a_valid_signature() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String bodyOnly = new HmacSignature("test-secret").sign("", body); // "." + body: not what old clients sent either
        assertThat(signature.verify("1764000000", body, bodyOnly)).isFalse();
    }
}
