package dev.kefu.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SynonymsTest {
    private static final Path FILE = Path.of("synonyms.txt");
    private final TextNormalizer normalizer = new TextNormalizer(ChineseVariants.icu());

    private Synonyms parse(String... lines) {
        return Synonyms.parse(FILE, List.of(lines), normalizer);
    }

    @Test
    void variants_are_rewritten_to_the_first_item_of_their_group() {
        Synonyms synonyms = parse("# comment", "", "账号,账户,帐号", "客服,人工客服,人工");
        Synonyms.Rewrite rewrite = synonyms.rewrite("帐号被封了找人工");
        assertThat(rewrite.text()).isEqualTo("账号被封了找客服");
        assertThat(rewrite.canonicals()).containsExactly("账号", "客服");
    }

    @Test
    void the_longest_variant_wins() {
        Synonyms synonyms = parse("客服,人工客服,人工");
        assertThat(synonyms.rewrite("转人工客服").text()).isEqualTo("转客服");
    }

    @Test
    void items_are_normalized_so_traditional_variants_match_simplified_text() {
        Synonyms synonyms = parse("账号,帳號");
        assertThat(synonyms.rewrite("帐号").text()).isEqualTo("账号");
    }

    @Test
    void latin_variants_match_whole_words_only() {
        Synonyms synonyms = parse("付款,pay", "退款,tuikuan");
        assertThat(synonyms.rewrite("pay 不了").text()).isEqualTo("付款 不了");
        assertThat(synonyms.rewrite("paypal 付不了").text()).isEqualTo("paypal 付不了");
        assertThat(synonyms.rewrite("tuikuan多久").text()).isEqualTo("退款多久");
    }

    @Test
    void a_variant_in_two_groups_is_reported_with_its_line() {
        assertThatThrownBy(() -> parse("账号,账户", "户头,账户"))
                .isInstanceOf(CorpusException.class)
                .hasMessage("synonyms.txt:2: '账户' already maps to '账号'");
    }

    @Test
    void a_group_with_one_item_is_reported_with_its_line() {
        assertThatThrownBy(() -> parse("账号,账户", "退款"))
                .isInstanceOf(CorpusException.class)
                .hasMessageStartingWith("synonyms.txt:2: expected canonical,variant");
    }

    @Test
    void an_empty_item_is_reported() {
        assertThatThrownBy(() -> parse("账号,,账户"))
                .isInstanceOf(CorpusException.class)
                .hasMessage("synonyms.txt:1: empty item in synonym group");
    }

    @Test
    void no_synonyms_leave_text_unchanged() {
        assertThat(Synonyms.none().rewrite("帐号").text()).isEqualTo("帐号");
    }
}
