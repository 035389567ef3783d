package org.m365mcp.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mcp.cache.key.CacheKey;
import org.m365mcp.cache.store.CacheStore;
import org.m365mcp.cache.store.LiveStore;
import org.m365mcp.cache.store.StoreSettings;

class EncryptedTokenCacheVaultTest {

    private static final CacheKey KEY = CacheKey.of("vault-test-passphrase-0123456789abcdef");

    @TempDir
    Path dir;

    @Test
    void save_thenLoadFromAReopenedStore_returnsTheSameDocument() {
        Path file = dir.resolve("cache.db");
        try (LiveStore store = LiveStore.of(CacheStore.open(StoreSettings.defaults(file), KEY))) {
            new EncryptedTokenCacheVault(store).save("{\"AccessToken\":{\"k\":\"v\"}}");
        }
        try (LiveStore store = LiveStore.of(CacheStore.open(StoreSettings.defaults(file), KEY))) {
            assertThat(new EncryptedTokenCacheVault(store).load()).contains("{\"AccessToken\":{\"k\":\"v\"}}");
        }
    }

    @Test
    void load_fromAStoreWithoutSavedTokens_isEmpty() {
        try (LiveStore store = LiveStore.of(CacheStore.open(StoreSettings.defaults(dir.resolve("c.db")), KEY))) {
            assertThat(new EncryptedTokenCacheVault(store).load()).isEmpty();
        }
    }
}
