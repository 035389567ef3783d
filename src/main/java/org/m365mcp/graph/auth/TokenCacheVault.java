package org.m365mcp.graph.auth;

import java.util.Optional;

/**
 * Where the serialized MSAL token cache is kept between runs: the encrypted store's
 * {@code credentials} table, never a plain file.
 *
 * <p>Implementations are thread-safe; {@link #save} replaces what was saved before.
 */
public interface TokenCacheVault {

    /** The last saved token cache, if any. */
    Optional<String> load();

    /** Saves {@code serializedCache}, replacing the previous one. */
    void save(String serializedCache);

    /** A vault that keeps nothing: tokens live in memory until the server stops. */
    static TokenCacheVault memoryOnly() {
        return new TokenCacheVault() {
            @Override
            public Optional<String> load() {
                return Optional.empty();
            }

            @Override
            public void save(String serializedCache) {
                // nothing survives a restart
            }
        };
    }
}
