package dev.kefu.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashTest {
    private final PasswordHash hasher = new PasswordHash();

    @Test
    void the_right_password_verifies_and_a_wrong_or_malformed_one_does_not() {
        String stored = hasher.hash("密码-correct-7");
        assertThat(stored).startsWith("pbkdf2-sha256$" + PasswordHash.ITERATIONS + "$");
        assertThat(hasher.verify("密码-correct-7", stored)).isTrue();
        assertThat(hasher.verify("密码-correct-8", stored)).isFalse();
        assertThat(hasher.verify("密码-correct-7", "plain-text")).isFalse();
        assertThat(hasher.verifyNothing("anything")).isFalse();
    }

    @Test
    void two_hashes_of_one_password_differ_by_their_salt() {
        assertThat(hasher.hash("same-password-1")).isNotEqualTo(hasher.hash("same-password-1"));
    }
}
