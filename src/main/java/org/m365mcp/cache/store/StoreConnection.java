package org.m365mcp.cache.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteErrorCode;

/**
 * The store's one JDBC connection, shared by threads in turn and by processes through SQLite.
 *
 * <ul>
 *   <li>Thread-safe: a fair {@link ReentrantLock} serialises all use of the connection.
 *   <li>Every {@link #write} is one {@code BEGIN IMMEDIATE} transaction: the database's write lock
 *       is taken up front, so a transaction that reads before it writes can never be refused half
 *       way by another process's commit; the {@link TransactionHook} runs first inside it.
 *   <li>SQLITE_BUSY or SQLITE_LOCKED (another process holds the lock beyond SQLite's own busy
 *       handler, or is recovering its WAL) rolls back and runs the work again until the busy
 *       timeout has passed since the first attempt; then it surfaces as {@link StoreException}.
 *       Work must therefore be safe to repeat. The timeout is measured on the monotonic clock:
 *       it is a wait, not cache time.
 *   <li>SQLITE_CORRUPT or SQLITE_NOTADB surfaces at once as a {@linkplain StoreException#corrupt()
 *       corrupt} {@link StoreException}, for {@link LiveStore} to set the file aside.
 *   <li>After {@link #close()} every operation throws {@link StoreException}.
 * </ul>
 */
final class StoreConnection implements AutoCloseable {

    private final Connection connection;
    private final Path file;
    private final long busyTimeoutNanos;
    private final TransactionHook hook;
    private final ReentrantLock lock = new ReentrantLock(true);
    private boolean closed;

    StoreConnection(Connection connection, Path file, Duration busyTimeout, TransactionHook hook) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.file = Objects.requireNonNull(file, "file");
        this.busyTimeoutNanos = busyTimeout.toNanos();
        this.hook = Objects.requireNonNull(hook, "hook");
    }

    /** Runs {@code work} outside any explicit transaction (each statement commits by itself). */
    <T> T read(String operation, SqlWork<T> work) {
        return locked(operation, () -> work.run(connection));
    }

    /** Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction and commits it. */
    <T> T write(String operation, SqlWork<T> work) {
        return locked(operation, () -> inTransaction(work));
    }

    /** Closes the connection; idempotent. {@code beforeClose} runs first, under the lock. */
    void close(Runnable beforeClose) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            try {
                beforeClose.run();
            } finally {
                closed = true;
                connection.close();
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot close cache database " + file, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        close(() -> {});
    }

    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                hook.begun(connection);
                T result = work.run(connection);
                statement.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                rollBack(statement, e);
                throw e;
            }
        }
    }

    private void rollBack(Statement statement, Exception failure) {
        hook.rolledBack();
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite may already have rolled back (e.g. on SQLITE_FULL); the first error is the one to report
            failure.addSuppressed(e);
        }
    }

    private <T> T locked(String operation, Attempt<T> attempt) {
        lock.lock();
        try {
            long start = System.nanoTime();
            for (int tries = 1; ; tries++) {
                if (closed) {
                    throw new StoreException("Cache store " + file + " is closed", null);
                }
                try {
                    return attempt.run();
                } catch (SQLException e) {
                    if (!isBusy(e) || System.nanoTime() - start >= busyTimeoutNanos) {
                        throw new StoreException(
                                "Cache store " + operation + " failed: " + e.getMessage(),
                                e,
                                isDamage(e) ? StoreException.Kind.CORRUPT : StoreException.Kind.OTHER);
                    }
                    pause(tries, operation);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** SQLITE_BUSY or SQLITE_LOCKED, including their extended codes (BUSY_SNAPSHOT, BUSY_RECOVERY…). */
    static boolean isBusy(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    /**
     * SQLITE_CORRUPT, or SQLITE_NOTADB: a connection exists only once its key was verified
     * ({@link SqlCipherConnections}), so a page that then fails to decrypt is damage, not a wrong key.
     */
    static boolean isDamage(SQLException e) {
        int primary = e.getErrorCode() & 0xff;
        return primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code;
    }

    private static void pause(int tries, String operation) {
        try {
            Thread.sleep(Math.min(5L * tries, 100L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Cache store " + operation + " interrupted while the database was busy", e);
        }
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws SQLException;
    }
}
