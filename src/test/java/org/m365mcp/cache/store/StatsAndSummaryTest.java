package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.cache.store.StoreFixtures.KEY;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsAndSummaryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T06:00:00Z");

    @TempDir
    Path dir;

    private CacheStore store;

    @BeforeEach
    void open() {
        store = CacheStore.open(StoreSettings.defaults(dir.resolve("cache.db")), KEY, new TestClock(T0));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void recordStats_thenRecent_returnsEveryFieldIncludingNulls() {
        StatsRow full = new StatsRow(T0, "acc", "email_list", 80, 20, 3, 1.5, 12.25, 40.0, 7, 7_000, 21_000);
        StatsRow sparse = new StatsRow(T0.plusSeconds(60), null, "file_get", 0, 1, 0, null, null, null, 0, 0, 0);

        store.stats().record(List.of(full, sparse));

        assertThat(store.stats().recent(null, T0)).containsExactly(full, sparse);
    }

    @Test
    void recentStats_filtersByResourceTypeAndIncludesRowsExactlyAtSince() {
        StatsRow before = row(T0.minusMillis(1), "email_list");
        StatsRow atSince = row(T0, "email_list");
        StatsRow otherType = row(T0.plusSeconds(1), "file_get");
        StatsRow later = row(T0.plusSeconds(2), "email_list");
        store.stats().record(List.of(later, before, otherType, atSince));

        assertThat(store.stats().recent("email_list", T0)).containsExactly(atSince, later);
        assertThat(store.stats().recent(null, T0.plusSeconds(1))).containsExactly(otherType, later);
    }

    @Test
    void recordStats_emptyList_recordsNothing() {
        store.stats().record(List.of());

        assertThat(store.stats().recent(null, Instant.EPOCH)).isEmpty();
    }

    @Test
    void summaryByResourceTypeAndAccount_countEntriesAndBothSizesPerGroup() {
        Instant expiry = T0.plus(Duration.ofHours(1));
        store.write(StoreFixtures.entry("email_list:a:1", "a", "email_list", 100, expiry));
        store.write(StoreFixtures.entry("email_list:b:1", "b", "email_list", 200, expiry));
        store.write(StoreFixtures.entry("file_get:a:1", "a", "file_get", 300, expiry));
        store.write(StoreFixtures.entry("file_get:a:big", "a", "file_get", 100_000, expiry));
        long bigStored = store.summary().storedBytes() - 600;

        Map<String, StoreSummary> byType = store.summaryByResourceType();
        Map<String, StoreSummary> byAccount = store.summaryByAccount();

        assertThat(bigStored).as("compressed").isLessThan(100_000);
        assertThat(byType)
                .containsExactly(
                        Map.entry("email_list", new StoreSummary(2, 300, 300)),
                        Map.entry("file_get", new StoreSummary(2, 300 + bigStored, 100_300)));
        assertThat(byAccount)
                .containsExactly(
                        Map.entry("a", new StoreSummary(3, 400 + bigStored, 100_400)),
                        Map.entry("b", new StoreSummary(1, 200, 200)));
    }

    @Test
    void summaryByAccount_emptyStore_isEmpty() {
        assertThat(store.summaryByAccount()).isEmpty();
        assertThat(store.summaryByResourceType()).isEmpty();
    }

    private static StatsRow row(Instant at, String type) {
        return new StatsRow(at, null, type, 1, 2, 3, 4.0, 5.0, 6.0, 7, 8, 9);
    }
}
