package org.m365mcp.cache.key;

import java.util.Optional;

/** The keyring used when none exists: holds nothing and stores nothing. Thread-safe. */
public final class NoKeyring implements KeyringAccess {

    @Override
    public boolean isAvailable() {
        return false;
    }

    @Override
    public Optional<String> read() {
        return Optional.empty();
    }

    @Override
    public boolean write(String secret) {
        return false;
    }

    @Override
    public String toString() {
        return "NoKeyring";
    }
}
