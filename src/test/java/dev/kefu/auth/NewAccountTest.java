package dev.kefu.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NewAccountTest {
    private static final String GOOD = "correct-horse-7";

    @Test
    void a_display_name_may_be_in_any_script_and_the_login_is_lower_cased() {
        NewAccount account = new NewAccount(" Li.Na ", " 李娜 ", GOOD, Role.AGENT, 5);
        assertThat(account.login()).isEqualTo("li.na");
        assertThat(account.displayName()).isEqualTo("李娜");
    }

    @Test
    void each_bad_field_is_named() {
        assertField(() -> new NewAccount("李娜", "李娜", GOOD, Role.AGENT, 5), "login");
        assertField(() -> new NewAccount("lina", "", GOOD, Role.AGENT, 5), "displayName");
        assertField(() -> new NewAccount("lina", "李\u0000娜", GOOD, Role.AGENT, 5), "displayName");
        assertField(() -> new NewAccount("lina", "李娜", "short1", Role.AGENT, 5), "password");
        assertField(() -> new NewAccount("lina", "李娜", "ababababababab", Role.AGENT, 5), "password");
        assertField(() -> new NewAccount("lina", "李娜", "lina-1234567", Role.AGENT, 5), "password");
        assertField(() -> new NewAccount("lina", "李娜", GOOD, null, 5), "role");
        assertField(() -> new NewAccount("lina", "李娜", GOOD, Role.AGENT, 0), "maxChats");
        assertField(() -> Role.ofWire("root"), "role");
    }

    @Test
    void the_password_never_shows_in_the_string_form() {
        assertThat(new NewAccount("lina", "李娜", GOOD, Role.ADMIN, 5).toString()).doesNotContain(GOOD);
    }

    private static void assertField(Runnable make, String field) {
        assertThatThrownBy(make::run).isInstanceOfSatisfying(AccountException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
