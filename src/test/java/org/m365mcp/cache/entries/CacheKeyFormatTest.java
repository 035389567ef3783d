package org.m365mcp.cache.entries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheKeyFormatTest {

    @Test
    void key_sortsParamsByName() {
        assertThat(CacheKeyFormat.key("email_list", "acc", Map.of("limit", 50, "folder", "inbox")))
                .isEqualTo("email_list:acc:folder=inbox&limit=50");
    }

    @Test
    void key_leavesOutNullParams() {
        Map<String, Object> params = new HashMap<>();
        params.put("folder", null);
        params.put("limit", 5);

        assertThat(CacheKeyFormat.key("email_list", "acc", params)).isEqualTo("email_list:acc:limit=5");
    }

    @Test
    void key_paramsOfExactly100Characters_stayReadable() {
        String value = "x".repeat(100 - "q=".length());

        assertThat(CacheKeyFormat.key("search_emails", "acc", Map.of("q", value)))
                .isEqualTo("search_emails:acc:q=" + value);
    }

    @Test
    void key_paramsLongerThan100Characters_becomeSha256Prefix() {
        String value = "x".repeat(101 - "q=".length());

        String key = CacheKeyFormat.key("search_emails", "acc", Map.of("q", value));

        assertThat(key).matches("search_emails:acc:[0-9a-f]{16}");
        assertThat(key).isEqualTo(CacheKeyFormat.key("search_emails", "acc", Map.of("q", value)));
        assertThat(key).isNotEqualTo(CacheKeyFormat.key("search_emails", "acc", Map.of("q", value + "y")));
    }
}
