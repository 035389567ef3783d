package org.m365mcp.cache.store;

/**
 * A failure of the encrypted store. Its message never contains the key.
 *
 * <ul>
 *   <li>{@link #unreadable()} is true when the file exists but cannot be opened with the given key
 *       (wrong key, plain SQLite, or not a database at all); {@link StoreOpener} sets such a file
 *       aside instead of failing.
 * </ul>
 */
public class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean unreadable;

  public StoreException(String message, Throwable cause) {
    this(message, cause, false);
  }

  StoreException(String message, Throwable cause, boolean unreadable) {
    super(message, cause);
    this.unreadable = unreadable;
  }

  /** True when the database file could not be read with the key it was opened with. */
  public boolean unreadable() {
    return unreadable;
  }
}
