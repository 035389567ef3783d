package org.m365mcp.cache.key;

import java.util.Objects;

/**
 * A cache key together with where it came from.
 *
 * <ul>
 *   <li>{@link #toString()} never shows the secret ({@link CacheKey} redacts itself).
 *   <li>{@link #advice()} is a sentence for the log; it never contains the key.
 * </ul>
 */
public record ResolvedKey(CacheKey key, KeySource source) {

    public ResolvedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
    }

    /** False only for a generated key that could not be stored ({@link KeySource#GENERATED_EPHEMERAL}). */
    public boolean survivesRestart() {
        return source != KeySource.GENERATED_EPHEMERAL;
    }

    /** A human sentence for the log describing the key's origin and, if needed, how to fix it. */
    public String advice() {
        return switch (source) {
            case KEYRING ->
                "Cache encryption key read from the OS keyring (service '" + EncryptionKeyResolver.KEYRING_SERVICE
                        + "').";
            case ENVIRONMENT ->
                "Cache encryption key read from the environment variable " + EncryptionKeyResolver.ENVIRONMENT_VARIABLE
                        + ".";
            case GENERATED_AND_STORED ->
                "Generated a new 256-bit cache encryption key and stored it in"
                        + " the OS keyring (service '" + EncryptionKeyResolver.KEYRING_SERVICE + "', user '"
                        + EncryptionKeyResolver.KEYRING_USER + "').";
            case GENERATED_EPHEMERAL ->
                "Generated a temporary cache encryption key that could not be"
                        + " stored: no OS keyring is available, so the cache will NOT survive a restart (the"
                        + " next start cannot read it and sets it aside). To keep it, start a Secret Service"
                        + " keyring (for example gnome-keyring) or set the environment variable "
                        + EncryptionKeyResolver.ENVIRONMENT_VARIABLE + " to a long random secret.";
        };
    }
}
