package org.m365mcp.batch.warming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarmingPlanTest {

    private static final WarmingEntry TREE = new WarmingEntry("folder_get_tree", 1, Map.of(), Duration.ofSeconds(3));
    private static final WarmingEntry MAIL =
            new WarmingEntry("email_list", 2, Map.of("folder", "inbox", "limit", 50L), Duration.ofSeconds(2));
    private static final WarmingEntry CONTACTS =
            new WarmingEntry("contact_list", 3, Map.of("limit", 100L), Duration.ofSeconds(1));

    @Test
    void items_twoAccounts_priorityFirstThenAccountNumberedInOrder() {
        List<WarmingItem> items = WarmingPlan.items(List.of(TREE, MAIL, CONTACTS), List.of("demo2", "demo"));

        assertThat(items)
                .extracting(item -> item.entry().operation() + ":" + item.accountId())
                .containsExactly(
                        "folder_get_tree:demo",
                        "folder_get_tree:demo2",
                        "email_list:demo",
                        "email_list:demo2",
                        "contact_list:demo",
                        "contact_list:demo2");
        assertThat(items).extracting(WarmingItem::position).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void items_noAccountSignedIn_nothingToWarm() {
        assertThat(WarmingPlan.items(List.of(TREE, MAIL), List.of())).isEmpty();
    }

    @Test
    void toolArguments_forceRefresh_addsAccountAndFlagButKeepsThePlanArguments() {
        WarmingItem item = new WarmingItem(2, "demo", MAIL);

        assertThat(item.toolArguments(false)).isEqualTo(Map.of("account_id", "demo", "folder", "inbox", "limit", 50L));
        assertThat(item.toolArguments(true))
                .containsEntry("force_refresh", true)
                .containsEntry("limit", 50L);
    }

    @Test
    void parseArguments_numbersBooleansAndText_typedAsTheToolExpects() {
        assertThat(WarmingEntry.parseArguments("email_list", "folder=inbox&limit=50&include_body=true"))
                .containsExactly(
                        Map.entry("folder", "inbox"), Map.entry("limit", 50L), Map.entry("include_body", true));
        assertThat(WarmingEntry.parseArguments("folder_get_tree", " ")).isEmpty();
    }

    @Test
    void parseArguments_pairWithoutName_refusedNamingTheOperation() {
        assertThatThrownBy(() -> WarmingEntry.parseArguments("email_list", "inbox"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("email_list");
    }

    @Test
    void entry_priorityBelowOneOrNegativeWait_refused() {
        assertThatThrownBy(() -> new WarmingEntry("email_list", 0, Map.of(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WarmingEntry("email_list", 1, Map.of(), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
