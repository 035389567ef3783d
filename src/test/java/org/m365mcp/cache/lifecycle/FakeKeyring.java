package org.m365mcp.cache.lifecycle;

import java.util.Optional;
import org.m365mcp.cache.key.KeyringAccess;

/** A keyring holding one secret in memory; {@link #refuseWrites} makes it refuse to store. */
final class FakeKeyring implements KeyringAccess {

  private String secret;
  private boolean refuseWrites;

  static FakeKeyring holding(String secret) {
    FakeKeyring keyring = new FakeKeyring();
    keyring.secret = secret;
    return keyring;
  }

  synchronized void refuseWrites() {
    refuseWrites = true;
  }

  synchronized String secret() {
    return secret;
  }

  @Override
  public boolean isAvailable() {
    return true;
  }

  @Override
  public synchronized Optional<String> read() {
    return Optional.ofNullable(secret);
  }

  @Override
  public synchronized boolean write(String secret) {
    if (refuseWrites) {
      return false;
    }
    this.secret = secret;
    return true;
  }
}
