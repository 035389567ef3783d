package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.m365mcp.cache.store.StoreFixtures.KEY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCompactionTest {

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
    void maintain_tidyFile_analysesWithoutVacuum() {
        fill(5);

        MaintenanceReport report = store.upkeep().maintain(0.25);

        assertThat(report.vacuumed()).isFalse();
        assertThat(report.freePagesBefore()).isZero();
        assertThat(report.reclaimedBytes()).isZero();
        assertThat(report.pagesAfter()).isEqualTo(report.pagesBefore());
    }

    @Test
    void maintain_manyPagesFreedByRemovals_vacuumsAndShrinksTheFile() throws Exception {
        List<String> keys = fill(200);
        store.delete(keys.subList(0, 180));

        MaintenanceReport report = store.upkeep().maintain(0.25);

        assertThat(report.freePagesBefore()).isGreaterThan(report.pagesBefore() / 4);
        assertThat(report.vacuumed()).isTrue();
        assertThat(report.pagesAfter()).isLessThan(report.pagesBefore());
        assertThat(report.reclaimedBytes()).isEqualTo((report.pagesBefore() - report.pagesAfter()) * report.pageSize());
        assertThat(store.read(keys.get(190))).isPresent();
        assertThat(StoreFixtures.integrityCheck(store.file())).isEqualTo("ok");
        assertThat(Files.size(store.file())).isPositive();
    }

    @Test
    void maintain_freeShareBelowThreshold_leavesTheFileAlone() {
        List<String> keys = fill(200);
        store.delete(keys.subList(0, 10));

        MaintenanceReport report = store.upkeep().maintain(0.5);

        assertThat(report.freePagesBefore()).isPositive();
        assertThat(report.vacuumed()).isFalse();
    }

    @Test
    void maintain_thresholdOutOfRange_refused() {
        assertThatThrownBy(() -> store.upkeep().maintain(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.upkeep().maintain(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> fill(int count) {
        List<String> keys =
                IntStream.range(0, count).mapToObj(i -> "file_get:a:id=" + i).toList();
        // random bytes do not compress: each entry takes about a page of its own
        keys.forEach(key -> store.write(StoreFixtures.entry(key, StoreFixtures.random(3_000))));
        return keys;
    }
}
