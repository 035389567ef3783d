package org.m365mcp.cache.lifecycle;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.m365mcp.cache.key.CacheKey;
import org.m365mcp.cache.key.EncryptionKeyResolver;
import org.m365mcp.cache.key.KeySource;
import org.m365mcp.cache.key.KeyringAccess;
import org.m365mcp.cache.key.ResolvedKey;
import org.m365mcp.cache.lifecycle.KeyRotationException.Reason;
import org.m365mcp.cache.store.CacheStore;
import org.m365mcp.cache.store.LiveStore;
import org.m365mcp.cache.store.StoreRekey;
import org.m365mcp.cache.store.StoreSettings;

/**
 * Rotates the key of the live encrypted store: chooses the new key by where the current one came
 * from, re-encrypts the file ({@link StoreRekey}) while the {@link LiveStore} is paused, and re-opens.
 *
 * <ul>
 *   <li>Keyring keys (read or generated): a new random 256-bit key, stored in the keyring before the
 *       new file takes the place of the old one; a supplied key is refused.</li>
 *   <li>{@code M365_MCP_CACHE_KEY}: only to a key the operator supplies (32 characters or more),
 *       since the server cannot change its own environment; the operator updates the variable.</li>
 *   <li>A temporary key is not rotated. On any failure the store re-opens under its current key.</li>
 *   <li>Calls in flight finish first and new calls wait: they never see a closed store.</li>
 *   <li>Not thread-safe: the caller serialises rotations. Keys are never logged.</li>
 * </ul>
 */
final class KeyRotation {

    /** Shortest key an operator may supply. */
    static final int MIN_SUPPLIED_KEY_LENGTH = 32;

    private static final Logger LOG = Logger.getLogger(KeyRotation.class.getName());

    private final StoreSettings settings;
    private final Clock clock;
    private final KeyringAccess keyring;
    private final SecureRandom random;

    KeyRotation(StoreSettings settings, Clock clock, KeyringAccess keyring, SecureRandom random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Re-keys {@code store}, whose key is {@code current}, and returns the key now in use.
     *
     * @throws KeyRotationException if refused or failed; the store keeps {@code current} then
     */
    ResolvedKey rotate(LiveStore store, ResolvedKey current, Optional<CacheKey> supplied) {
        ResolvedKey next = nextKey(current, supplied);
        StoreRekey.KeyCommit commit = next.source() == KeySource.KEYRING
                ? new KeyringCommit(keyring, current.key(), next.key())
                : StoreRekey.KeyCommit.NONE;
        RuntimeException[] failure = new RuntimeException[1];
        boolean[] rekeyed = new boolean[1];
        try {
            store.replace(previous -> {
                if (previous != null) {
                    previous.close();
                }
                try {
                    StoreRekey.rekey(settings.databaseFile(), current.key(), next.key(), commit);
                } catch (RuntimeException e) {
                    failure[0] = e;
                    return CacheStore.open(settings, current.key(), clock); // the file still opens with it
                }
                rekeyed[0] = true;
                return CacheStore.open(settings, next.key(), clock);
            });
        } catch (RuntimeException e) {
            throw new KeyRotationException(
                    Reason.FAILED,
                    (rekeyed[0]
                                    ? "The cache was re-keyed ("
                                            + (next.source() == KeySource.KEYRING
                                                    ? "the new key is in the OS keyring"
                                                    : "set " + EncryptionKeyResolver.ENVIRONMENT_VARIABLE
                                                            + " to the new key")
                                            + ") but could not be re-opened; restart the server: "
                                    : "The cache was not re-keyed and could not be re-opened; restart the server: ")
                            + e.getMessage(),
                    e);
        }
        if (failure[0] != null) {
            throw new KeyRotationException(
                    Reason.FAILED, "The cache key was not changed: " + failure[0].getMessage(), failure[0]);
        }
        LOG.warning(
                next.source() == KeySource.KEYRING
                        ? "The cache key was rotated; the new key is in the OS keyring."
                        : "The cache key was rotated to the key supplied by the operator. Set "
                                + EncryptionKeyResolver.ENVIRONMENT_VARIABLE + " to it before the next restart.");
        return next;
    }

    private ResolvedKey nextKey(ResolvedKey current, Optional<CacheKey> supplied) {
        switch (current.source()) {
            case KEYRING, GENERATED_AND_STORED -> {
                if (supplied.isPresent()) {
                    throw new KeyRotationException(
                            Reason.KEY_NOT_ACCEPTED,
                            "The cache key lives in the OS"
                                    + " keyring, so the server generates the new one itself; send no key.",
                            null);
                }
                return new ResolvedKey(CacheKey.generate(random), KeySource.KEYRING);
            }
            case ENVIRONMENT -> {
                CacheKey key = supplied.orElseThrow(() -> new KeyRotationException(
                        Reason.NEEDS_SUPPLIED_KEY,
                        "The cache key comes from the environment variable "
                                + EncryptionKeyResolver.ENVIRONMENT_VARIABLE + ", which the server cannot"
                                + " change. Either send the new key in the request body ({\"new_key\":"
                                + " \"...\"}) and set the variable to it before the next restart, or stop"
                                + " the server and rotate offline (docs/security.md, \"Rotating the cache"
                                + " key\").",
                        null));
                if (key.secret().length() < MIN_SUPPLIED_KEY_LENGTH) {
                    throw new KeyRotationException(
                            Reason.KEY_NOT_ACCEPTED,
                            "The new key must be at least " + MIN_SUPPLIED_KEY_LENGTH
                                    + " characters long (e.g. openssl rand -base64 32).",
                            null);
                }
                if (key.equals(current.key())) {
                    throw new KeyRotationException(Reason.KEY_NOT_ACCEPTED, "The new key is the current key.", null);
                }
                return new ResolvedKey(key, KeySource.ENVIRONMENT);
            }
            default ->
                throw new KeyRotationException(
                        Reason.TEMPORARY_KEY,
                        "The cache key is temporary (no OS"
                                + " keyring and no " + EncryptionKeyResolver.ENVIRONMENT_VARIABLE + ") and the cache"
                                + " dies with the process: there is nothing to rotate.",
                        null);
        }
    }

    /** Stores the new key in the keyring, checked by reading it back; puts the old one back on revert. */
    private record KeyringCommit(KeyringAccess keyring, CacheKey previous, CacheKey next)
            implements StoreRekey.KeyCommit {

        @Override
        public void commit() {
            if (!keyring.write(next.secret())
                    || !keyring.read().map(next.secret()::equals).orElse(false)) {
                throw new IllegalStateException("the OS keyring did not store the new key");
            }
        }

        @Override
        public void revert() {
            if (keyring.read().map(previous.secret()::equals).orElse(false)) {
                return; // the commit never reached the keyring
            }
            if (!keyring.write(previous.secret())) {
                throw new IllegalStateException("the OS keyring did not take the previous key back");
            }
        }

        @Override
        public String toString() {
            return "KeyringCommit[redacted]";
        }
    }
}
