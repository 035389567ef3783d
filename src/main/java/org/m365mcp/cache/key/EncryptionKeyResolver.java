package org.m365mcp.cache.key;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides which key encrypts the cache: OS keyring, then {@code M365_MCP_CACHE_KEY}, then a new
 * random 256-bit key stored in the keyring (ephemeral if the keyring cannot hold it).
 *
 * <ul>
 *   <li>Each decision is logged; the key itself never is.
 *   <li>Never throws for an unavailable keyring; stateless apart from its collaborators, so as
 *       thread-safe as they are.
 * </ul>
 */
public final class EncryptionKeyResolver {

    /** Keyring service name under which the key is stored. */
    public static final String KEYRING_SERVICE = "m365-mcp-cache";
    /** Keyring account (user) name under which the key is stored. */
    public static final String KEYRING_USER = "encryption-key";
    /** Environment variable consulted when the keyring has no key. */
    public static final String ENVIRONMENT_VARIABLE = "M365_MCP_CACHE_KEY";

    private static final Logger LOG = Logger.getLogger(EncryptionKeyResolver.class.getName());

    private final KeyringAccess keyring;
    private final Function<String, String> environment;
    private final SecureRandom random;

    /**
     * @param keyring the keyring holding {@value #KEYRING_SERVICE}/{@value #KEYRING_USER}
     * @param environment looks up an environment variable (e.g. {@code System::getenv}); may
     *     return null
     * @param random source of new keys
     */
    public EncryptionKeyResolver(KeyringAccess keyring, Function<String, String> environment, SecureRandom random) {
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Resolves the key in the documented order; always returns a usable key. */
    public ResolvedKey resolve() {
        Optional<String> stored = keyring.read().filter(s -> !s.isBlank());
        if (stored.isPresent()) {
            return announce(new ResolvedKey(CacheKey.of(stored.get()), KeySource.KEYRING));
        }
        String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return announce(new ResolvedKey(CacheKey.of(fromEnvironment), KeySource.ENVIRONMENT));
        }
        LOG.info(() ->
                "No cache encryption key in the OS keyring nor in " + ENVIRONMENT_VARIABLE + "; generating a new one.");
        CacheKey generated = CacheKey.generate(random);
        KeySource source = storeInKeyring(generated) ? KeySource.GENERATED_AND_STORED : KeySource.GENERATED_EPHEMERAL;
        return announce(new ResolvedKey(generated, source));
    }

    /** Writes the key and reads it back, so a keyring that silently drops it counts as a failure. */
    private boolean storeInKeyring(CacheKey key) {
        if (!keyring.write(key.secret())) {
            return false;
        }
        boolean readBack = keyring.read().map(key.secret()::equals).orElse(false);
        if (!readBack) {
            LOG.warning("The OS keyring accepted the new cache key but did not return it on read-back.");
        }
        return readBack;
    }

    private static ResolvedKey announce(ResolvedKey resolved) {
        Level level = resolved.survivesRestart() ? Level.INFO : Level.WARNING;
        LOG.log(level, resolved.advice());
        return resolved;
    }
}
