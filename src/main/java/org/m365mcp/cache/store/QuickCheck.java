package org.m365mcp.cache.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;

/**
 * {@code PRAGMA quick_check} within a time budget: the store's pages and b-trees are read once, so
 * damage is found when the store opens rather than by a later read or write.
 *
 * <ul>
 *   <li>Past the budget SQLite is interrupted and the check counts as {@link Outcome#UNFINISHED}:
 *       a large file never holds the start-up beyond it, and damage in what was not read is found
 *       later, when a read or write meets it ({@link LiveStore}).
 *   <li>The budget is a wait, not cache time: a JDK timer ends it, not the injected clock.
 *   <li>Stateless; runs on the caller's connection, under the caller's lock.
 * </ul>
 */
final class QuickCheck {

    private QuickCheck() {}

    /** What the check found. */
    enum Outcome {
        OK,
        DAMAGED,
        UNFINISHED
    }

    /**
     * The result of a check.
     *
     * @param outcome what it found
     * @param detail SQLite's first complaint when {@link Outcome#DAMAGED}, else empty
     */
    record Result(Outcome outcome, String detail) {
        Result {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * Checks the database {@code connection} is open on, for at most {@code budget}.
     *
     * @throws SQLException for failures other than damage and the budget running out
     */
    static Result run(Connection connection, Duration budget) throws SQLException {
        long started = System.nanoTime();
        Interrupter interrupter = new Interrupter(connection.unwrap(SQLiteConnection.class));
        CompletableFuture<Void> timer = CompletableFuture.runAsync(
                interrupter, CompletableFuture.delayedExecutor(budget.toNanos(), TimeUnit.NANOSECONDS));
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA quick_check(1)")) {
            String report = rows.next() ? rows.getString(1) : "ok";
            if ("ok".equals(report)) {
                return new Result(Outcome.OK, "");
            }
            if (pastBudget(started, budget)) {
                // finished past its budget, as if interrupted: the timer races a short check (later reads find the
                // damage)
                return new Result(Outcome.UNFINISHED, "");
            }
            // "*** in database main ***" then the first problem, e.g. "Page 803: btreeInitPage() returns error code 11"
            return new Result(
                    Outcome.DAMAGED,
                    report.lines()
                            .filter(line -> !line.startsWith("***"))
                            .findFirst()
                            .orElse(report)
                            .trim());
        } catch (SQLException e) {
            if ((e.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_INTERRUPT.code) {
                return new Result(Outcome.UNFINISHED, "");
            }
            if (StoreConnection.isDamage(e)) {
                return pastBudget(started, budget)
                        ? new Result(Outcome.UNFINISHED, "")
                        : new Result(Outcome.DAMAGED, e.getMessage());
            }
            throw e;
        } finally {
            interrupter.finished();
            timer.cancel(false);
        }
    }

    /** Whether a check begun at {@code started} (nano time) ran past {@code budget}: it then counts as unfinished. */
    private static boolean pastBudget(long started, Duration budget) {
        return System.nanoTime() - started >= budget.toNanos();
    }

    /**
     * Interrupts the check once its budget is spent, again every few milliseconds until it has
     * stopped (an interrupt that comes before the statement starts is lost). sqlite3_interrupt, since
     * the integrity check walks the b-trees inside one VDBE instruction, where no progress handler is
     * called. Never interrupts after {@link #finished()}: the connection may then run other SQL.
     */
    private static final class Interrupter implements Runnable {

        private static final long REPEAT_MILLIS = 5;

        private final SQLiteConnection connection;
        private boolean finished; // guarded by this

        Interrupter(SQLiteConnection connection) {
            this.connection = connection;
        }

        @Override
        public synchronized void run() {
            try {
                while (!finished) {
                    connection.getDatabase().interrupt();
                    wait(REPEAT_MILLIS);
                }
            } catch (SQLException e) {
                // the check then runs to its end
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized void finished() {
            finished = true;
            notifyAll();
        }
    }
}
