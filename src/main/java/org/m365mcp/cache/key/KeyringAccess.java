package org.m365mcp.cache.key;

import java.util.Optional;

/**
 * Reads and writes the cache key in an operating-system keyring.
 *
 * <ul>
 *   <li>Never throws: failures are logged (without the secret) and reported as empty / false.
 *   <li>Implementations are thread-safe.
 * </ul>
 */
public interface KeyringAccess {

    /** Whether a keyring backend is reachable at all. */
    boolean isAvailable();

    /** The stored secret, or empty when there is none or the keyring cannot be read. */
    Optional<String> read();

    /** Stores {@code secret}, replacing any previous one; false when the keyring refused it. */
    boolean write(String secret);
}
