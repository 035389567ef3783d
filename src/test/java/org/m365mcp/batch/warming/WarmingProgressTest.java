package org.m365mcp.batch.warming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarmingProgressTest {

    private static final Instant T0 = Instant.parse("2026-11-21T06:00:00Z");
    private static final List<String> OPERATIONS = List.of("folder_get_tree", "email_list", "contact_list");

    @Test
    void with_sameItemAgain_replacesItsEarlierOutcome() {
        WarmingProgress progress = new WarmingProgress(Map.of("demo", 2), List.of())
                .with(outcome(0, "demo", ItemOutcome.FAILED))
                .with(outcome(1, "demo", ItemOutcome.WARMED))
                .with(outcome(0, "demo", ItemOutcome.WARMED));

        assertThat(progress.done()).isEqualTo(2);
        assertThat(progress.count(ItemOutcome.WARMED)).isEqualTo(2);
        assertThat(progress.count(ItemOutcome.FAILED)).isZero();
        assertThat(progress.items()).extracting(ItemOutcome::position).containsExactly(1, 0);
    }

    @Test
    void with_sameItemAtAnotherPositionAfterARestart_replacesItByOperationAndAccount() {
        WarmingProgress progress = new WarmingProgress(Map.of("demo", 1, "demo2", 1), List.of())
                .with(new ItemOutcome(1, "demo2", "email_list", 2, ItemOutcome.FAILED, T0, null, "Graph said no"))
                .with(new ItemOutcome(0, "demo2", "email_list", 2, ItemOutcome.WARMED, T0.plusSeconds(9), 5L, null))
                .with(new ItemOutcome(1, "demo", "email_list", 2, ItemOutcome.WARMED, T0.plusSeconds(10), 5L, null));

        assertThat(progress.done()).isEqualTo(2);
        assertThat(progress.byAccount()).isEqualTo(Map.of("demo", Map.of("warmed", 1), "demo2", Map.of("warmed", 1)));
    }

    @Test
    void byAccountAndTotal_countPerAccountAndOverAll() {
        WarmingProgress progress = new WarmingProgress(
                Map.of("demo", 3, "demo2", 3),
                List.of(
                        outcome(0, "demo", ItemOutcome.WARMED),
                        outcome(1, "demo2", ItemOutcome.FRESH),
                        outcome(2, "demo", ItemOutcome.FAILED)));

        assertThat(progress.total()).isEqualTo(6);
        assertThat(progress.byAccount())
                .isEqualTo(Map.of("demo", Map.of("warmed", 1, "failed", 1), "demo2", Map.of("fresh", 1)));
    }

    @Test
    void json_roundTrip_asTheLedgerStoresItForARestart() throws Exception {
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        WarmingLedger ledger = new WarmingLedger();
        ledger.json = json;
        WarmingProgress progress = new WarmingProgress(
                Map.of("demo", 1),
                List.of(new ItemOutcome(0, "demo", "contact_list", 3, ItemOutcome.FAILED, T0, null, "Graph said no")));

        String text = json.writeValueAsString(progress);

        assertThat(text).contains("\"planned\"", "\"account_id\":\"demo\"").doesNotContain("\"total\"");
        assertThat(ledger.read(text)).contains(progress);
        assertThat(ledger.read(null)).isEmpty();
        assertThat(ledger.read("not json")).isEmpty();
    }

    @Test
    void current_stepNotSeenByThisServer_readsThePersistedJson() throws Exception {
        WarmingLedger ledger = new WarmingLedger();
        ledger.json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        WarmingProgress persisted =
                new WarmingProgress(Map.of("demo", 1), List.of(outcome(0, "demo", ItemOutcome.WARMED)));

        assertThat(ledger.current(42, ledger.json.writeValueAsString(persisted)))
                .contains(persisted);
        assertThat(ledger.current(42, null)).isEmpty();
    }

    private static ItemOutcome outcome(int position, String account, String outcome) {
        return new ItemOutcome(
                position,
                account,
                OPERATIONS.get(position % OPERATIONS.size()),
                2,
                outcome,
                T0.plusSeconds(position),
                null,
                null);
    }
}
