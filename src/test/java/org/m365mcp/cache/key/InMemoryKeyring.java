package org.m365mcp.cache.key;

import java.util.Optional;

/** A keyring fake that holds one secret in memory; {@code writable=false} refuses writes. */
final class InMemoryKeyring implements KeyringAccess {

  private final boolean writable;
  private String secret;
  int writes;

  InMemoryKeyring(boolean writable) {
    this.writable = writable;
  }

  static InMemoryKeyring holding(String secret) {
    InMemoryKeyring keyring = new InMemoryKeyring(true);
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
