package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.cache.store.StoreFixtures.KEY;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sizes are of small uncompressed payloads, so stored bytes equal payload bytes. */
class CacheStoreSizeLimitsTest {

    private static final Instant T0 = Instant.parse("2026-11-21T06:00:00Z");
    private static final Instant FAR = T0.plus(Duration.ofDays(1));
    /** Soft limit 1,000 bytes: cleanup above 800, down to 600; three entries per account; cold after 1 h. */
    private static final SizeLimits LIMITS = new SizeLimits(1_000, 80, 60, 3, Duration.ofHours(1));

    @TempDir
    Path dir;

    private TestClock clock;
    private CacheStore store;

    @BeforeEach
    void open() {
        clock = new TestClock(T0);
        store = CacheStore.open(StoreSettings.defaults(dir.resolve("cache.db")).withLimits(LIMITS), KEY, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void cleanupToTarget_totalExactlyAtThreshold_doesNothing() {
        put("a", "x1", 400, FAR);
        put("b", "x2", 400, T0);

        CleanupReport report = store.upkeep().cleanupToTarget();

        assertThat(report).isEqualTo(CleanupReport.notNeeded(800));
        assertThat(report.ran()).isFalse();
        assertThat(keys()).containsExactly("x1", "x2");
    }

    @Test
    void cleanupToTarget_expiredEnough_removesAllExpiredAndNothingElse() {
        put("a", "live-1", 300, FAR);
        put("a", "exp-1", 150, T0);
        put("b", "exp-2", 100, T0.minusSeconds(1));
        put("b", "live-2", 260, FAR);

        CleanupReport report = store.upkeep().cleanupToTarget();

        assertThat(report.expired().keys()).containsExactly("exp-2", "exp-1");
        assertThat(report.cold()).isEqualTo(Removal.NONE);
        assertThat(report.largest()).isEqualTo(Removal.NONE);
        assertThat(report.bytesBefore()).isEqualTo(810);
        assertThat(report.bytesAfter()).isEqualTo(560);
        assertThat(keys()).containsExactly("live-1", "live-2");
    }

    @Test
    void cleanupToTarget_afterExpired_removesColdEntriesLeastRecentlyAccessedFirstUntilTarget() {
        put("a", "cold-a", 100, FAR);
        put("a", "cold-b", 100, FAR);
        put("a", "cold-c", 100, FAR);
        readAt(Duration.ofMinutes(10), "cold-b");
        readAt(Duration.ofMinutes(20), "cold-a");
        clock.advance(Duration.ofMinutes(100)); // now T0 + 2 h: the three are cold, cold-c the coldest
        put("b", "hot-1", 250, FAR);
        put("b", "hot-2", 200, FAR);
        put("b", "expired", 100, T0.plus(Duration.ofHours(1)));

        CleanupReport report = store.upkeep().cleanupToTarget();

        assertThat(report.expired().keys()).containsExactly("expired");
        assertThat(report.cold().keys()).containsExactly("cold-c", "cold-b");
        assertThat(report.cold().storedBytes()).isEqualTo(200);
        assertThat(report.largest()).isEqualTo(Removal.NONE);
        assertThat(report.bytesAfter()).isEqualTo(550);
        assertThat(keys()).containsExactly("cold-a", "hot-1", "hot-2");
    }

    @Test
    void cleanupToTarget_allThreeSteps_expiredThenColdThenLargest() {
        put("a", "cold-1", 100, FAR);
        put("a", "cold-2", 100, FAR);
        clock.advance(Duration.ofMinutes(60)); // exactly coldAfter: idle for 1 h counts as cold
        put("b", "expired", 50, T0);
        put("b", "hot-400", 400, FAR);
        put("c", "hot-150", 150, FAR);
        put("c", "hot-100", 100, FAR);

        CleanupReport report = store.upkeep().cleanupToTarget();

        assertThat(report.ran()).isTrue();
        assertThat(report.expired().keys()).containsExactly("expired");
        assertThat(report.cold().keys()).containsExactly("cold-1", "cold-2");
        assertThat(report.largest().keys()).containsExactly("hot-400");
        assertThat(report.removed().keys()).containsExactly("expired", "cold-1", "cold-2", "hot-400");
        assertThat(report.bytesBefore()).isEqualTo(900);
        assertThat(report.bytesAfter()).isEqualTo(250).isEqualTo(store.summary().storedBytes());
        assertThat(keys()).containsExactly("hot-100", "hot-150");
    }

    @Test
    void cleanupToTarget_readMakesEntryHot_soTheLargestGoesInstead() {
        put("a", "big", 500, FAR);
        put("a", "small", 320, FAR);
        clock.advance(Duration.ofHours(2));
        store.read("small");

        CleanupReport report = store.upkeep().cleanupToTarget();

        assertThat(report.cold().keys()).containsExactly("big");
        assertThat(keys()).containsExactly("small");
    }

    @Test
    void write_accountOverItsCap_evictsItsLeastRecentlyAccessedEntry() {
        put("b", "b-old", 10, FAR);
        put("a", "a1", 10, FAR);
        clock.advance(Duration.ofSeconds(1));
        put("a", "a2", 10, FAR);
        clock.advance(Duration.ofSeconds(1));
        put("a", "a3", 10, FAR);
        readAt(Duration.ofSeconds(1), "a1");

        WriteResult result = put("a", "a4", 10, FAR);

        assertThat(result.stored()).isTrue();
        assertThat(result.evicted().keys()).containsExactly("a2");
        assertThat(keys()).containsExactly("a1", "a3", "a4", "b-old");
        assertThat(store.invalidations(null, 10))
                .as("an eviction is not an invalidation")
                .isEmpty();
    }

    @Test
    void write_accountOverItsCap_evictsAnExpiredEntryBeforeLessRecentlyAccessedLiveOnes() {
        put("a", "a1", 10, FAR);
        clock.advance(Duration.ofSeconds(1));
        put("a", "a2", 10, FAR);
        clock.advance(Duration.ofSeconds(1));
        put("a", "kept-past-expiry", 10, clock.instant().plusSeconds(1));
        clock.advance(Duration.ofSeconds(2)); // its stale end has passed; it is kept only for stale-if-error

        WriteResult result = put("a", "a4", 10, FAR);

        assertThat(result.evicted().keys()).containsExactly("kept-past-expiry");
        assertThat(keys()).containsExactly("a1", "a2", "a4");
    }

    @Test
    void write_sameAccessTime_evictsOldestWrittenFirst() {
        for (String key : List.of("a1", "a2", "a3", "a4", "a5")) {
            put("a", key, 10, FAR);
        }

        assertThat(keys()).containsExactly("a3", "a4", "a5");
    }

    @Test
    void write_replacingAnEntryOfAFullAccount_evictsNothing() {
        put("a", "a1", 10, FAR);
        put("a", "a2", 10, FAR);
        put("a", "a3", 10, FAR);

        assertThat(put("a", "a1", 20, FAR).evicted()).isEqualTo(Removal.NONE);
        assertThat(keys()).containsExactly("a1", "a2", "a3");
    }

    @Test
    void sizeLimits_defaults_areTheSpecsTwoGigabytesEightySixtyAndTenThousand() {
        SizeLimits defaults = StoreSettings.defaults(dir.resolve("x.db")).limits();

        assertThat(defaults).isEqualTo(SizeLimits.defaults());
        assertThat(defaults.softLimitBytes()).isEqualTo(2_147_483_648L);
        assertThat(defaults.thresholdBytes()).isEqualTo(1_717_986_918L);
        assertThat(defaults.targetBytes()).isEqualTo(1_288_490_188L);
        assertThat(defaults.maxEntriesPerAccount()).isEqualTo(10_000);
        assertThat(LIMITS.thresholdBytes()).isEqualTo(800);
        assertThat(LIMITS.targetBytes()).isEqualTo(600);
    }

    private WriteResult put(String account, String key, int bytes, Instant expiresAt) {
        return store.write(StoreFixtures.entry(key, account, "t", bytes, expiresAt));
    }

    private void readAt(Duration later, String key) {
        clock.advance(later);
        assertThat(store.read(key)).isPresent();
    }

    private List<String> keys() {
        return StoreFixtures.keys(store.file());
    }
}
