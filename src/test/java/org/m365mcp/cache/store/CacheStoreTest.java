package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.m365mcp.cache.store.StoreFixtures.KEY;
import static org.m365mcp.cache.store.StoreFixtures.entry;
import static org.m365mcp.cache.store.StoreFixtures.queryString;
import static org.m365mcp.cache.store.StoreFixtures.random;
import static org.m365mcp.cache.store.StoreFixtures.text;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mcp.cache.key.LogCapture;

class CacheStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");

    @TempDir
    Path dir;

    private Path file;
    private TestClock clock;
    private CacheStore store;

    @BeforeEach
    void open() {
        file = dir.resolve("cache.db");
        clock = new TestClock(NOW);
        store = CacheStore.open(StoreSettings.defaults(file), KEY, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void read_afterWrite_returnsSameBytes() {
        StoredEntry written = entry("email_list:account-1:folder=inbox", text(300));

        assertThat(store.write(written).stored()).isTrue();

        StoredEntry read = store.read(written.key()).orElseThrow();
        assertThat(read.payload()).isEqualTo(written.payload());
        assertThat(read).usingRecursiveComparison().ignoringFields("payload").isEqualTo(written);
    }

    @Test
    void read_unknownKey_returnsEmpty() {
        assertThat(store.read("nope")).isEmpty();
    }

    @Test
    void read_afterWriteOfLargePayload_returnsUncompressedBytes() throws Exception {
        StoredEntry written = entry("big", text(200_000));

        store.write(written);

        assertThat(store.read("big").orElseThrow().payload()).isEqualTo(written.payload());
        assertThat(column("big", "compressed")).isEqualTo("1");
        assertThat(Long.parseLong(column("big", "stored_size"))).isLessThan(200_000);
        assertThat(column("big", "uncompressed_size")).isEqualTo("200000");
    }

    @Test
    void write_exactlyFiftyKilobytes_isCompressed() throws Exception {
        store.write(entry("at", text(51_200)));
        store.write(entry("below", text(51_199)));

        assertThat(column("at", "compressed")).isEqualTo("1");
        assertThat(column("below", "compressed")).isEqualTo("0");
        assertThat(column("below", "stored_size")).isEqualTo("51199");
        assertThat(store.read("at").orElseThrow().payload()).isEqualTo(text(51_200));
        assertThat(store.read("below").orElseThrow().payload()).isEqualTo(text(51_199));
    }

    @Test
    void write_exactlyTenMegabytes_isStored() {
        assertThat(store.write(entry("ten", random(10 * 1024 * 1024))).stored()).isTrue();

        assertThat(store.read("ten")).isPresent();
    }

    @Test
    void write_overTenMegabytes_isNotStoredAndLogged() {
        try (LogCapture logs = LogCapture.of(CacheStore.class.getName())) {
            boolean stored =
                    store.write(entry("huge", random(10 * 1024 * 1024 + 1))).stored();

            assertThat(stored).isFalse();
            assertThat(store.read("huge")).isEmpty();
            assertThat(logs.messagesAt(Level.INFO))
                    .anySatisfy(m -> assertThat(m).contains("huge", "limit"));
        }
    }

    @Test
    void read_existingEntry_recordsAccessTimeAndHitCountWithNextWrite() throws Exception {
        store.write(entry("k", text(10)));
        clock.advance(Duration.ofMinutes(1));

        store.read("k");
        store.read("k");
        assertThat(column("k", "hit_count")).as("held in memory until a write").isEqualTo("0");
        store.write(entry("other", text(10)));

        assertThat(column("k", "hit_count")).isEqualTo("2");
        assertThat(column("k", "accessed_at"))
                .isEqualTo(String.valueOf(NOW.plusSeconds(60).toEpochMilli()));
    }

    @Test
    void close_afterReads_savesPendingAccesses() throws Exception {
        store.write(entry("k", text(10)));
        clock.advance(Duration.ofMinutes(2));
        store.read("k");

        store.close();

        assertThat(column("k", "hit_count")).isEqualTo("1");
        assertThat(column("k", "accessed_at"))
                .isEqualTo(String.valueOf(NOW.plusSeconds(120).toEpochMilli()));
    }

    @Test
    void read_asManyKeysAsTheBufferHolds_savesAccessesWithoutAWrite() throws Exception {
        for (int i = 0; i < CacheStore.PENDING_ACCESSES; i++) {
            store.write(entry("k" + i, text(10)));
        }

        for (int i = 0; i < CacheStore.PENDING_ACCESSES; i++) {
            store.read("k" + i);
        }

        try (Connection raw = StoreFixtures.raw(file, KEY)) {
            assertThat(queryString(raw, "SELECT SUM(hit_count) FROM cache_entries"))
                    .isEqualTo(String.valueOf(CacheStore.PENDING_ACCESSES));
        }
    }

    @Test
    void read_missingKey_recordsNothing() throws Exception {
        store.read("absent");
        store.write(entry("k", text(10)));

        assertThat(column("k", "hit_count")).isEqualTo("0");
    }

    @Test
    void write_sameKeyTwice_replacesPayloadAndBumpsVersion() throws Exception {
        store.write(entry("k", text(10)));
        store.write(entry("k", text(20)));

        assertThat(store.read("k").orElseThrow().payload()).hasSize(20);
        assertThat(column("k", "version")).isEqualTo("2");
        assertThat(store.summary().entries()).isEqualTo(1);
    }

    @Test
    void write_nullMetadata_readsBackNull() {
        store.write(new StoredEntry("k", "a", "file_get", new byte[] {1}, NOW, NOW.plusSeconds(1), null));

        assertThat(store.read("k").orElseThrow().metadataJson()).isNull();
    }

    @Test
    void delete_existingAndMissing_reportsWhetherRemoved() {
        store.write(entry("k", text(10)));

        assertThat(store.delete("k")).isTrue();
        assertThat(store.delete("k")).isFalse();
        assertThat(store.read("k")).isEmpty();
    }

    @Test
    void deleteKeys_removesJustThoseAndCountsThePresentOnes() {
        store.write(entry("a", text(10)));
        store.write(entry("b", text(10)));
        store.write(entry("c", text(10)));

        assertThat(store.delete(java.util.List.of("a", "c", "missing"))).isEqualTo(2);
        assertThat(store.read("a")).isEmpty();
        assertThat(store.read("b")).isPresent();
        assertThat(store.read("c")).isEmpty();
    }

    @Test
    void deleteAll_removesEverything_returnsCount() {
        store.write(entry("a", text(10)));
        store.write(entry("b", text(10)));

        assertThat(store.deleteAll()).isEqualTo(2);
        assertThat(store.summary()).isEqualTo(new StoreSummary(0, 0, 0));
    }

    @Test
    void summary_mixedEntries_sumsStoredAndUncompressedSizes() {
        store.write(entry("small", text(1_000)));
        store.write(entry("large", text(100_000)));

        StoreSummary summary = store.summary();

        assertThat(summary.entries()).isEqualTo(2);
        assertThat(summary.uncompressedBytes()).isEqualTo(101_000);
        assertThat(summary.storedBytes()).isGreaterThan(1_000).isLessThan(101_000);
    }

    @Test
    void read_afterClose_throws() {
        store.close();

        assertThatThrownBy(() -> store.read("k"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void read_afterReopen_returnsEntryWrittenBefore() {
        store.write(entry("k", text(70_000)));
        store.close();

        store = CacheStore.open(StoreSettings.defaults(file), KEY);

        assertThat(store.read("k").orElseThrow().payload()).isEqualTo(text(70_000));
    }

    private String column(String key, String column) throws Exception {
        try (Connection raw = StoreFixtures.raw(file, KEY)) {
            return queryString(raw, "SELECT " + column + " FROM cache_entries WHERE key = '" + key + "'");
        }
    }
}
