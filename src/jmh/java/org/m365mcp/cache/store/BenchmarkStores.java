package org.m365mcp.cache.store;

import java.time.Clock;
import java.util.Objects;
import org.m365mcp.cache.key.CacheKey;

/**
 * The benchmarks' one way to the unencrypted store, so they can show encryption's cost as a ratio.
 *
 * <ul>
 *   <li>Lives in the JMH sources, in the store's package: it is compiled only with
 *       {@code -Pbenchmarks} and never packaged into the WAR, so production has no path to
 *       {@link CacheStore#openUnencrypted} (see {@link StoreEncryption}).
 *   <li>Both choices open the same store code; {@code "none"} leaves out the key and the cipher.
 * </ul>
 */
public final class BenchmarkStores {

  /** The benchmark parameter for the production store (SQLCipher 4 with a key). */
  public static final String SQLCIPHER = "sqlcipher";
  /** The benchmark parameter for the same store on plain SQLite. */
  public static final String NONE = "none";

  private BenchmarkStores() {}

  /**
   * Opens {@code settings}' file encrypted with {@code key} ({@value #SQLCIPHER}) or plain
   * ({@value #NONE}, {@code key} unused; the file must lie under {@code java.io.tmpdir}).
   */
  public static CacheStore open(String encryption, StoreSettings settings, CacheKey key, Clock clock) {
    Objects.requireNonNull(encryption, "encryption");
    return switch (encryption) {
      case SQLCIPHER -> CacheStore.open(settings, key, clock);
      case NONE -> CacheStore.openUnencrypted(settings, clock);
      default -> throw new IllegalArgumentException(
          "encryption must be " + SQLCIPHER + " or " + NONE + ", not " + encryption);
    };
  }
}
