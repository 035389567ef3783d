package org.m365mcp.cache.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mcp.cache.key.CacheKey;
import org.m365mcp.cache.key.LogCapture;
import org.m365mcp.cache.key.NoKeyring;
import org.m365mcp.cache.store.CacheStore;
import org.m365mcp.cache.store.DamagedFiles;
import org.m365mcp.cache.store.SetAside;

/** The server's store opened over a damaged cache file: set aside, a fresh store, never memory-only. */
class EncryptedStoreDamageTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T05:36:00Z"), ZoneOffset.UTC);
    private static final String KEY = "environment-key-0123456789abcdef01234567";

    @TempDir
    Path dir;

    @Test
    void open_cacheFileTruncatedToHalf_setsItAsideAndServesFromAFreshStore() throws IOException {
        Path file = DamagedFiles.storeWithEntries(dir.resolve("cache.db"), CacheKey.of(KEY), CLOCK);
        DamagedFiles.truncateToHalf(file);

        EncryptedStore encryptedStore = new EncryptedStore();
        encryptedStore.databasePath = file.toString();
        encryptedStore.clock = CLOCK;
        encryptedStore.limits = new StoreLimitsConfig();
        try (LogCapture logs = LogCapture.of("org.m365mcp.cache")) {
            encryptedStore.open(new NoKeyring(), Map.of("M365_MCP_CACHE_KEY", KEY)::get);

            assertThat(logs.messagesAt(Level.SEVERE)).as("not memory-only").isEmpty();
            assertThat(logs.messagesAt(Level.WARNING))
                    .anySatisfy(
                            message -> assertThat(message).contains("is damaged", "cache.db.corrupt-20261121T053600Z"));
            assertThat(encryptedStore.setAside().orElseThrow().reason()).isEqualTo(SetAside.Reason.CORRUPT);
            assertThat(encryptedStore
                            .store()
                            .orElseThrow()
                            .apply(CacheStore::summary)
                            .entries())
                    .isZero();
        } finally {
            encryptedStore.close();
        }
    }
}
