package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.cache.store.StoreFixtures.KEY;
import static org.m365mcp.cache.store.StoreFixtures.queryString;
import static org.m365mcp.cache.store.StoreFixtures.text;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheStoreRestartTest {

    private static final Instant T0 = Instant.parse("2026-11-21T06:00:00Z");

    @TempDir
    Path dir;

    @Test
    void reopen_sameFileAndKey_keepsEntriesTasksAuditStatsAndAccessTimes() throws Exception {
        Path file = dir.resolve("cache.db");
        TestClock clock = new TestClock(T0);
        StatsRow stats = new StatsRow(T0, "acc", "email_list", 5, 1, 0, 2.0, 9.0, 15.0, 2, 300, 900);
        String queued;
        String retrying;
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), KEY, clock)) {
            store.write(
                    StoreFixtures.entry("email_list:acc:folder=inbox", "acc", "email_list", 300, T0.plusSeconds(600)));
            store.write(new StoredEntry(
                    "file_get:acc:id=1",
                    "acc",
                    "file_get",
                    text(80_000),
                    T0,
                    T0.plusSeconds(600),
                    "{\"fresh_until\":\"x\"}"));
            store.write(StoreFixtures.entry("email_get:acc:id=9", "acc", "email_get", 10, T0.plusSeconds(600)));
            store.invalidate("acc", "email_get", "email_get:*", "email_delete");
            queued = store.tasks().enqueue("acc", "warm", "folder_get_tree", "{}", null, 1);
            retrying = store.tasks().enqueue("acc", "refresh", "email_list", "{}", "email_list:acc:folder=inbox", 2);
            store.tasks().claimNext(); // queued (priority 1)
            store.tasks().claimNext(); // retrying
            store.tasks().fail(retrying, "Graph 503");
            store.stats().record(List.of(stats));
            clock.advance(Duration.ofMinutes(3));
            store.read("email_list:acc:folder=inbox"); // its access time is only in memory until close
        }
        try (Connection raw = StoreFixtures.raw(file, KEY)) {
            assertThat(queryString(
                            raw,
                            "SELECT hit_count || '@' || accessed_at FROM cache_entries"
                                    + " WHERE key = 'email_list:acc:folder=inbox'"))
                    .isEqualTo("1@" + T0.plus(Duration.ofMinutes(3)).toEpochMilli());
        }

        try (CacheStore reopened = CacheStore.open(StoreSettings.defaults(file), KEY, clock)) {
            assertThat(reopened.read("email_list:acc:folder=inbox")
                            .orElseThrow()
                            .payload())
                    .isEqualTo(text(300));
            StoredEntry compressed = reopened.read("file_get:acc:id=1").orElseThrow();
            assertThat(compressed.payload()).isEqualTo(text(80_000));
            assertThat(compressed.metadataJson()).isEqualTo("{\"fresh_until\":\"x\"}");
            assertThat(reopened.read("email_get:acc:id=9")).isEmpty();
            assertThat(reopened.summary().entries()).isEqualTo(2);
            assertThat(reopened.invalidations("acc", 10))
                    .containsExactly(new InvalidationRecord("acc", "email_get", "email_get:*", "email_delete", T0, 1));
            assertThat(reopened.tasks().get(queued).orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);
            TaskRecord retry = reopened.tasks().get(retrying).orElseThrow();
            assertThat(retry.status()).isEqualTo(TaskStatus.QUEUED);
            assertThat(retry.retryCount()).isEqualTo(1);
            assertThat(retry.notBefore()).isEqualTo(T0.plusSeconds(1));
            assertThat(reopened.stats().recent(null, T0)).containsExactly(stats);
        }
    }
}
