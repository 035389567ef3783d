package org.m365mcp.cache.key;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret passphrase that opens the encrypted cache database.
 *
 * <ul>
 *   <li>Immutable and thread-safe.
 *   <li>The secret never appears in {@link #toString()} nor in any exception message.
 *   <li>A generated key is the base64 text of 32 random bytes (256 bits); the store hands the
 *       passphrase to SQLCipher's KDF, so any non-blank text is a valid key.
 * </ul>
 */
public final class CacheKey {

    /** Bytes of randomness in a generated key: 32 bytes = 256 bits. */
    public static final int GENERATED_KEY_BYTES = 32;

    private final String secret;

    private CacheKey(String secret) {
        this.secret = secret;
    }

    /**
     * Wraps an existing passphrase.
     *
     * @throws IllegalArgumentException if {@code secret} is null or blank (the message never
     *     contains the value)
     */
    public static CacheKey of(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("cache key must not be null or blank");
        }
        return new CacheKey(secret);
    }

    /** Generates a new 256-bit key from {@code random}. */
    public static CacheKey generate(SecureRandom random) {
        byte[] bytes = new byte[GENERATED_KEY_BYTES];
        random.nextBytes(bytes);
        return new CacheKey(Base64.getEncoder().encodeToString(bytes));
    }

    /** The passphrase itself; callers must never log or display it. */
    public String secret() {
        return secret;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CacheKey that && secret.equals(that.secret);
    }

    @Override
    public int hashCode() {
        return secret.hashCode();
    }

    @Override
    public String toString() {
        return "CacheKey[redacted]";
    }
}
