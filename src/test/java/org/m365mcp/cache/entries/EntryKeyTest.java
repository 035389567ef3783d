package org.m365mcp.cache.entries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryKeyTest {

    @Test
    void key_sortsParamsByName() {
        assertThat(EntryKey.of("email_list", "acc", Map.of("limit", 50, "folder", "inbox"))
                        .text())
                .isEqualTo("email_list:acc:folder=inbox&limit=50");
    }

    @Test
    void key_leavesOutNullParams() {
        Map<String, Object> params = new HashMap<>();
        params.put("folder", null);
        params.put("limit", 5);

        assertThat(EntryKey.of("email_list", "acc", params).text()).isEqualTo("email_list:acc:limit=5");
    }

    @Test
    void key_paramsOfExactly100Characters_stayReadable() {
        String value = "x".repeat(100 - "q=".length());

        assertThat(EntryKey.of("search_emails", "acc", Map.of("q", value)).text())
                .isEqualTo("search_emails:acc:q=" + value);
    }

    @Test
    void key_paramsLongerThan100Characters_becomeSha256Prefix() {
        String value = "x".repeat(101 - "q=".length());

        String key = EntryKey.of("search_emails", "acc", Map.of("q", value)).text();

        assertThat(key).matches("search_emails:acc:[0-9a-f]{16}");
        assertThat(key)
                .isEqualTo(
                        EntryKey.of("search_emails", "acc", Map.of("q", value)).text());
        assertThat(key)
                .isNotEqualTo(EntryKey.of("search_emails", "acc", Map.of("q", value + "y"))
                        .text());
    }

    @Test
    void key_withoutParams_endsWithItsSeparator() {
        assertThat(EntryKey.of("folder_get_tree", "acc", Map.of()).text()).isEqualTo("folder_get_tree:acc:");
    }

    @Test
    void parse_ofAFormattedKey_isThatKey_withItsOperationAndAccount() {
        EntryKey key = EntryKey.of("email_get", "adele@contoso.com", Map.of("message_id", "AAMk:x=1&y"));

        EntryKey parsed = EntryKey.parse(key.text());

        assertThat(parsed).isEqualTo(key).hasSameHashCodeAs(key);
        assertThat(parsed.text()).isEqualTo("email_get:adele@contoso.com:message_id=AAMk:x=1&y");
        assertThat(parsed.operation()).isEqualTo("email_get");
        assertThat(parsed.account()).isEqualTo("adele@contoso.com");
    }

    @Test
    void parse_ofAHashedKey_isThatKey() {
        EntryKey key = EntryKey.of("search_emails", "acc", Map.of("q", "x".repeat(200)));

        assertThat(EntryKey.parse(key.text())).isEqualTo(key);
        assertThat(EntryKey.parse(key.text()).operation()).isEqualTo("search_emails");
    }

    @Test
    void parse_ofATextWithoutSeparator_isAllOperation() {
        EntryKey parsed = EntryKey.parse("k1");

        assertThat(parsed.operation()).isEqualTo("k1");
        assertThat(parsed.account()).isEmpty();
        assertThat(parsed.text()).isEqualTo("k1");
    }

    /** What AccountIds lets through: anything printable, wildcard and LIKE characters included. */
    @ParameterizedTest
    @ValueSource(strings = {"a*b", "50%_off", "back\\slash", "with:colon", "ünïcödé@例え.jp", "a&b=c", ""})
    void accountWithOddCharacters_travelsAsItsValue_andKeepsTheTextFormat(String account) {
        EntryKey key = EntryKey.of("email_list", account, Map.of("folder", "inbox"));

        assertThat(key.account()).isEqualTo(account);
        assertThat(key.text()).isEqualTo("email_list:" + account + ":folder=inbox");
        assertThat(EntryKey.parse(key.text())).isEqualTo(key);
        assertThat(key.matches(EntryKey.pattern("email_list", account, EntryKey.ANY)))
                .isTrue();
    }

    @Test
    void pattern_ofAnOperationAndAccount_matchesTheirKeysOnly() {
        String pattern = EntryKey.pattern("email_list", "acc", EntryKey.ANY);

        assertThat(pattern).isEqualTo("email_list:acc:*");
        assertThat(EntryKey.of("email_list", "acc", Map.of("folder", "inbox")).matches(pattern))
                .isTrue();
        assertThat(EntryKey.of("email_list", "acc2", Map.of("folder", "inbox")).matches(pattern))
                .isFalse();
        assertThat(EntryKey.of("email_get", "acc", Map.of("message_id", "m1")).matches(pattern))
                .isFalse();
    }

    @Test
    void pattern_ofAFamily_matchesEveryOperationOfIt() {
        String pattern = EntryKey.pattern("emailfolders_*", "acc", EntryKey.ANY);

        assertThat(pattern).isEqualTo("emailfolders_*:acc:*");
        assertThat(EntryKey.of("emailfolders_list", "acc", Map.of()).matches(pattern))
                .isTrue();
        assertThat(EntryKey.of("emailfolders_get_tree", "acc", Map.of("top", 5)).matches(pattern))
                .isTrue();
        assertThat(EntryKey.of("email_list", "acc", Map.of()).matches(pattern)).isFalse();
    }

    @Test
    void pattern_overParams_isMatchedAgainstTheParamsText() {
        String pattern = EntryKey.pattern("file_list", "acc", "*&top=10");

        assertThat(EntryKey.of("file_list", "acc", Map.of("path", "/docs", "top", 10))
                        .matches(pattern))
                .isTrue();
        assertThat(EntryKey.of("file_list", "acc", Map.of("path", "/docs", "top", 20))
                        .matches(pattern))
                .isFalse();
    }

    @Test
    void keysOfDifferentCalls_differ_andEqualCallsAreEqual() {
        EntryKey a = EntryKey.of("email_list", "acc", Map.of("folder", "inbox"));

        assertThat(a).isEqualTo(EntryKey.of("email_list", "acc", Map.of("folder", "inbox")));
        assertThat(a).isNotEqualTo(EntryKey.of("email_list", "acc", Map.of("folder", "sent")));
        assertThat(a).isNotEqualTo(EntryKey.of("email_list", "other", Map.of("folder", "inbox")));
    }

    @Test
    void readableParams_readsBackWhatTheKeyWrote_butNotAHashedOne() {
        assertThat(EntryKey.of("email_list", "acc", Map.of("limit", 25, "folder", "AAMk/x+y=="))
                        .readableParams())
                .contains(Map.of("folder", "AAMk/x+y==", "limit", "25"));
        assertThat(EntryKey.of("emailrules_list", "acc", Map.of()).readableParams())
                .contains(Map.of());
        assertThat(EntryKey.of("search_emails", "acc", Map.of("query", "x".repeat(200)))
                        .readableParams())
                .isEmpty();
        assertThat(EntryKey.parse("email_list:acc:folder=inbox").readableParams())
                .contains(Map.of("folder", "inbox"));
    }
}
