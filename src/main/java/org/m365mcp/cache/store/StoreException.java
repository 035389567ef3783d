package org.m365mcp.cache.store;

/**
 * A failure of the encrypted store. Its message never contains the key.
 *
 * <ul>
 *   <li>{@link #unreadable()} is true when the file exists but cannot be opened with the given key
 *       (wrong key, plain SQLite, or not a database at all); {@link StoreOpener} sets such a file
 *       aside instead of failing.
 *   <li>{@link #corrupt()} is true when SQLite finds the file damaged (SQLITE_CORRUPT, or
 *       SQLITE_NOTADB once the key is known to be right); {@link StoreOpener} at start-up and
 *       {@link LiveStore} while running set such a file aside and start a fresh store.
 * </ul>
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure this is, for the callers that set a file aside. */
    enum Kind {
        OTHER,
        UNREADABLE,
        CORRUPT
    }

    private final Kind kind;

    public StoreException(String message, Throwable cause) {
        this(message, cause, Kind.OTHER);
    }

    StoreException(String message, Throwable cause, Kind kind) {
        super(message, cause);
        this.kind = kind;
    }

    /** True when the database file could not be read with the key it was opened with. */
    public boolean unreadable() {
        return kind == Kind.UNREADABLE;
    }

    /** True when the database file is damaged: its key is right but its pages are not. */
    public boolean corrupt() {
        return kind == Kind.CORRUPT;
    }
}
