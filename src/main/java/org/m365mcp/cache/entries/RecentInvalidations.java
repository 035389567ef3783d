package org.m365mcp.cache.entries;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.m365mcp.config.AccountIds;

/**
 * The invalidations marked lately, so a fetch that began before one can tell whether that one
 * touched the very entry it is about to cache — and only then leave its result uncached.
 *
 * <ul>
 *   <li>{@link #generation} is read before fetching; {@link #touchedSince} after. An invalidation is
 *       {@link #mark marked} <em>before</em> it removes entries, so a result written after that check
 *       is either removed by the invalidation itself or seen by a check made after the write (see
 *       {@code TieredCacheResultInterceptor}).</li>
 *   <li>Each mark names what it covers: one account's entries, of one operation or of all, that a
 *       predicate over the entry's key and key parameters accepts — the same selection the
 *       invalidation removes. A change to one folder's listing thus no longer refuses a refetch of
 *       another folder's.</li>
 *   <li>The newest {@value #REMEMBERED} marks are kept; a fetch older than all of them is told it was
 *       touched (it is not cached, as before: never wrong, at worst one refetch more).</li>
 *   <li>Thread-safe: marks are appended under a lock, in generation order; a check copies the marks
 *       it needs under the lock and tests them outside it; reading the generation takes no lock.</li>
 * </ul>
 */
final class RecentInvalidations {

    static final int REMEMBERED = 4096;

    /** What one invalidation covered, and the generation it began. */
    private record Mark(long generation, String account, String operation, Scope scope) {

        boolean covers(EntryKey key, Map<String, String> params) {
            return account.equals(AccountIds.canonical(key.account()))
                    && (operation == null || operation.equals(key.operation()))
                    && scope.test(key, params);
        }
    }

    /** Which of the operation's entries an invalidation covers, by key and key parameters. */
    @FunctionalInterface
    interface Scope extends BiPredicate<EntryKey, Map<String, String>> {

        /** Every entry of the operation (or of the account). */
        Scope ALL = (key, params) -> true;

        /** The entries cached for the key parameter {@code param} = {@code value}. */
        static Scope where(String param, String value) {
            Objects.requireNonNull(param, "param");
            Objects.requireNonNull(value, "value");
            return (key, params) -> params != null && value.equals(params.get(param));
        }

        /** The entries whose key text {@code pattern} matches ({@link EntryKey#matches}). */
        static Scope matching(String pattern) {
            Objects.requireNonNull(pattern, "pattern");
            return (key, params) -> key.matches(pattern);
        }
    }

    private final Deque<Mark> marks = new ArrayDeque<>();
    private volatile long generation;
    private long forgotten;

    /**
     * Marks an invalidation of {@code accountId}'s entries of {@code operation} (all of its
     * operations when null) that {@code scope} accepts.
     */
    synchronized void mark(String accountId, String operation, Scope scope) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(scope, "scope");
        marks.addLast(new Mark(++generation, AccountIds.canonical(accountId), operation, scope));
        if (marks.size() > REMEMBERED) {
            forgotten = marks.removeFirst().generation();
        }
    }

    /** The generation now; read before fetching. */
    long generation() {
        return generation;
    }

    /**
     * True when an invalidation marked after {@code generation} was read covers the entry cached
     * under {@code key} with the key parameters {@code params}.
     */
    boolean touchedSince(EntryKey key, Map<String, String> params, long generation) {
        Objects.requireNonNull(key, "key");
        List<Mark> newest;
        synchronized (this) {
            if (generation < forgotten) {
                return true;
            }
            if (this.generation == generation) {
                return false;
            }
            newest = newerThan(generation);
        }
        for (Mark mark : newest) {
            if (mark.covers(key, params)) {
                return true;
            }
        }
        return false;
    }

    /** The marks after {@code generation}, newest first; called holding the lock. */
    private List<Mark> newerThan(long generation) {
        List<Mark> newer = new ArrayList<>();
        for (Iterator<Mark> it = marks.descendingIterator(); it.hasNext(); ) {
            Mark mark = it.next();
            if (mark.generation() <= generation) {
                break;
            }
            newer.add(mark);
        }
        return newer;
    }
}
