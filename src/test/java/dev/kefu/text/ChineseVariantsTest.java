package dev.kefu.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped traditional → simplified table is ICU4J's, character for character. */
class ChineseVariantsTest {

    @Test
    void the_shipped_table_is_the_one_icu_derives() throws IOException {
        String derived = ChineseVariants.buildFromIcu().pairs();
        String shipped = ChineseVariants.icu().pairs();
        if (!shipped.equals(derived)) {
            Path fresh = Path.of("target", ChineseVariants.TABLE);
            Files.writeString(fresh, derived, StandardCharsets.UTF_8);
            assertThat(shipped).as("src/main/resources/dev/kefu/text/" + ChineseVariants.TABLE
                    + " differs from the ICU4J on the class path; copy " + fresh + " over it").isEqualTo(derived);
        }
        assertThat(derived.lines().count()).as("pairs, the comment line included").isGreaterThan(2000);
    }

    @Test
    void traditional_characters_become_simplified_and_others_stay() {
        ChineseVariants variants = ChineseVariants.icu();
        assertThat(variants.toSimplified("我的帳號被盜了，請幫忙處理")).isEqualTo("我的帐号被盗了，请帮忙处理");
        assertThat(variants.toSimplified("退款多久到账? OK 123 😀")).isEqualTo("退款多久到账? OK 123 😀");
    }
}
