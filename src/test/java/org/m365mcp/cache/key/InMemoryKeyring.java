package org.m365mcp.cache.key;

import java.util.Optional;

/** A keyring fake that holds one secret in memory; {@code writable=false} refuses writes. */
public final class InMemoryKeyring implements KeyringAccess {

    private final boolean writable;
    private String secret;
    int writes;

    public InMemoryKeyring(boolean writable) {
        this.writable = writable;
    }

    public static InMemoryKeyring holding(String secret) {
        return holding(secret, true);
    }

    /** A keyring that holds {@code secret} and refuses to store another. */
    public static InMemoryKeyring readOnly(String secret) {
        return holding(secret, false);
    }

    private static InMemoryKeyring holding(String secret, boolean writable) {
        InMemoryKeyring keyring = new InMemoryKeyring(writable);
        keyring.secret = secret;
        return keyring;
    }

    @Override
    public boolean isAvailable() {
        return writable;
    }

    @Override
    public synchronized Optional<String> read() {
        return Optional.ofNullable(secret);
    }

    @Override
    public synchronized boolean write(String secret) {
        writes++;
        if (writable) {
            this.secret = secret;
        }
        return writable;
    }
}
