package org.m365mcp.graph.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps MSAL's token cache in a {@link TokenCacheVault}: loads it on first access, saves it after
 * every access that changed it (a sign-in, a refresh, a sign-out).
 *
 * <ul>
 *   <li>This server is the cache's only writer, so it is read once and then kept in MSAL's memory;
 *       a silent token lookup costs no store read.
 *   <li>Also remembers each account's display name from its cached id token's {@code name} claim:
 *       MSAL4J 1.26 reports no id token claims for cached accounts.
 *   <li>Thread-safe: accesses are serialized.
 * </ul>
 */
final class PersistentTokenCache implements ITokenCacheAccessAspect {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TokenCacheVault vault;
    private final Map<String, String> displayNames = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong accesses = new AtomicLong();
    private boolean loaded; // guarded by this

    PersistentTokenCache(TokenCacheVault vault) {
        this.vault = Objects.requireNonNull(vault, "vault");
    }

    @Override
    public synchronized void beforeCacheAccess(ITokenCacheAccessContext context) {
        accesses.incrementAndGet();
        if (!loaded) {
            vault.load().ifPresent(serialized -> {
                context.tokenCache().deserialize(serialized);
                readDisplayNames(serialized);
            });
            loaded = true;
        }
    }

    @Override
    public synchronized void afterCacheAccess(ITokenCacheAccessContext context) {
        if (context.hasCacheChanged()) {
            String serialized = context.tokenCache().serialize();
            vault.save(serialized);
            readDisplayNames(serialized);
            changes.incrementAndGet();
        }
    }

    /** How often the cache has changed: a value read before a lookup tells whether it may be out of date. */
    long changes() {
        return changes.get();
    }

    /** How often MSAL has opened the cache, for tests that prove a lookup was saved. */
    long accesses() {
        return accesses.get();
    }

    /** The {@code name} claim of the account's cached id token, if there is one. */
    Optional<String> displayName(String homeAccountId) {
        return Optional.ofNullable(displayNames.get(homeAccountId));
    }

    private void readDisplayNames(String serialized) {
        try {
            for (JsonNode idToken : JSON.readTree(serialized).path("IdToken")) {
                String[] parts = idToken.path("secret").asText("").split("\\.");
                if (parts.length >= 2) {
                    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
                    if (claims.path("name").isTextual()) {
                        displayNames.put(
                                idToken.path("home_account_id").asText(),
                                claims.get("name").asText());
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // A display name is a courtesy: an id token we cannot read leaves it unknown.
        }
    }
}
