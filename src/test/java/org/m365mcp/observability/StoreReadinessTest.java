package org.m365mcp.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mcp.cache.key.CacheKey;
import org.m365mcp.cache.key.KeySource;
import org.m365mcp.cache.key.ResolvedKey;
import org.m365mcp.cache.lifecycle.EncryptedStore;
import org.m365mcp.cache.store.DamagedFiles;
import org.m365mcp.cache.store.LiveStore;
import org.m365mcp.cache.store.SetAside;
import org.m365mcp.cache.store.StoreOpener;
import org.m365mcp.cache.store.StoreSettings;

/** The cache-store readiness check over a real SQLCipher file that turns out damaged. */
class StoreReadinessTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T05:36:00Z"), ZoneOffset.UTC);
    private static final CacheKey KEY = CacheKey.of("readiness-test-key-0123456789abcdef");

    @TempDir
    Path dir;

    private LiveStore live;

    @AfterEach
    void close() {
        if (live != null) {
            live.close();
        }
    }

    @Test
    void call_fileDamagedBeforeStart_upAndNamesTheFileSetAsideAsCorrupt() throws IOException {
        Path file = DamagedFiles.storeWithEntries(dir.resolve("cache.db"), KEY, CLOCK);
        DamagedFiles.overwriteFourPagesInTheMiddle(file);
        live = LiveStore.of(StoreOpener.open(StoreSettings.defaults(file), KEY, CLOCK));

        HealthCheckResponse response = readiness().call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow())
                .containsEntry("set_aside", "cache.db.corrupt-20261121T053600Z")
                .containsEntry("set_aside_reason", "corrupt")
                .containsEntry("key_ok", true)
                .containsEntry("entries", 0L);
    }

    @Test
    void call_fileDamagedWhileRunning_upOnAFreshStoreNotKeyNotOk() throws IOException {
        Path file = DamagedFiles.storeWithEntries(dir.resolve("cache.db"), KEY, CLOCK);
        live = LiveStore.of(
                StoreOpener.open(StoreSettings.defaults(file).withQuickCheckBudget(Duration.ZERO), KEY, CLOCK));
        DamagedFiles.overwriteFourPagesInTheMiddle(file);

        HealthCheckResponse response = readiness().call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        Map<String, Object> data = response.getData().orElseThrow();
        assertThat(data)
                .containsEntry("set_aside_reason", "corrupt")
                .containsEntry("key_ok", true)
                .containsEntry("entries", 0L);
    }

    private StoreReadiness readiness() {
        StoreReadiness readiness = new StoreReadiness();
        readiness.application = new ApplicationStarted() {
            @Override
            public boolean started() {
                return true;
            }
        };
        readiness.encryptedStore = new EncryptedStore() {
            @Override
            public Optional<LiveStore> store() {
                return Optional.of(live);
            }

            @Override
            public Optional<SetAside> setAside() {
                return live.setAside();
            }

            @Override
            public Optional<ResolvedKey> key() {
                return Optional.of(new ResolvedKey(KEY, KeySource.ENVIRONMENT));
            }
        };
        return readiness;
    }
}
