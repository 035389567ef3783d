package org.m365mcp.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.m365mcp.cache.store.LiveStore;
import org.m365mcp.graph.auth.TokenCacheVault;

/**
 * Keeps the MSAL token cache as one document in the encrypted store's {@code credentials} table,
 * so it is encrypted with the cache key, re-keyed with it, and never written to a plain file.
 */
final class EncryptedTokenCacheVault implements TokenCacheVault {

    /** The document's name in the {@code credentials} table. */
    static final String NAME = "msal-token-cache";

    private final LiveStore store;

    EncryptedTokenCacheVault(LiveStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Optional<String> load() {
        return store.apply(s -> s.credentials().load(NAME)).map(data -> new String(data, StandardCharsets.UTF_8));
    }

    @Override
    public void save(String serializedCache) {
        byte[] data = serializedCache.getBytes(StandardCharsets.UTF_8);
        store.apply(s -> {
            s.credentials().save(NAME, data);
            return null;
        });
    }
}
