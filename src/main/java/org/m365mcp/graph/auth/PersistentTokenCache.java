package org.m365mcp.graph.auth;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import java.util.Objects;

/**
 * Keeps MSAL's token cache in a {@link TokenCacheVault}: loads it on first access, saves it after
 * every access that changed it (a sign-in, a refresh, a sign-out).
 *
 * <ul>
 *   <li>This server is the cache's only writer, so it is read once and then kept in MSAL's memory;
 *       a silent token lookup costs no store read.
 *   <li>Thread-safe: accesses are serialized.
 * </ul>
 */
final class PersistentTokenCache implements ITokenCacheAccessAspect {

    private final TokenCacheVault vault;
    private boolean loaded; // guarded by this

    PersistentTokenCache(TokenCacheVault vault) {
        this.vault = Objects.requireNonNull(vault, "vault");
    }

    @Override
    public synchronized void beforeCacheAccess(ITokenCacheAccessContext context) {
        if (!loaded) {
            vault.load().ifPresent(context.tokenCache()::deserialize);
            loaded = true;
        }
    }

    @Override
    public synchronized void afterCacheAccess(ITokenCacheAccessContext context) {
        if (context.hasCacheChanged()) {
            vault.save(context.tokenCache().serialize());
        }
    }
}
