package org.m365mcp.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.m365mcp.cache.annotation.StaleRefresh;
import org.m365mcp.cache.entries.EntryKey;

class RewarmingTest {

    private final List<StaleRefresh> scheduled = new ArrayList<>();
    private final Rewarming rewarming = new Rewarming();

    {
        rewarming.refresh = refresh -> scheduled.add(refresh);
    }

    private static String key(String operation, String account, Map<String, ?> params) {
        return EntryKey.of(operation, account, params).text();
    }

    @Test
    void after_aChange_refetchesTheDroppedListingsAndSearches_notSingleItems_norOtherAccounts() {
        int count = rewarming.after(
                "demo",
                List.of(
                        key("email_list", "demo", Map.of("folder", "inbox", "limit", 20)),
                        key("search_emails", "demo", Map.of("query", "budget", "limit", 10)),
                        key("email_get", "demo", Map.of("message_id", "m1")),
                        key("search_emails", "demo2", Map.of("query", "budget", "limit", 10))));

        assertThat(count).isEqualTo(2);
        assertThat(scheduled).extracting(StaleRefresh::operation).containsExactly("email_list", "search_emails");
        assertThat(scheduled.get(1).arguments())
                .containsEntry("accountId", "demo")
                .containsEntry("query", "budget")
                .containsEntry("limit", "10");
    }
}
