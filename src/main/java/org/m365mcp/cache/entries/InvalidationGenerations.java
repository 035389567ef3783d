package org.m365mcp.cache.entries;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.m365mcp.config.AccountIds;

/**
 * Counts invalidations per account and per account and operation, so a fetch that began before an
 * invalidation can tell that its result is older than what the invalidation asked for.
 *
 * <ul>
 *   <li>{@link #current} is read before fetching; {@link #changedSince} after. An invalidation
 *       {@link #advance advances} the count <em>before</em> it removes entries, so a result written
 *       after that check is either removed by the invalidation itself or seen by a check made after
 *       the write (see {@code TieredCacheResultInterceptor}).</li>
 *   <li>Counts only grow; a generation is the sum of the account-wide and the operation's count.</li>
 *   <li>Thread-safe and lock-free; one counter per account and per account and operation seen.</li>
 * </ul>
 */
final class InvalidationGenerations {

    private final ConcurrentMap<String, AtomicLong> counts = new ConcurrentHashMap<>();

    /** Marks an invalidation of {@code accountId}'s entries of {@code operation}, or of all its operations when null. */
    void advance(String accountId, String operation) {
        Objects.requireNonNull(accountId, "accountId");
        counts.computeIfAbsent(name(accountId, operation), n -> new AtomicLong())
                .incrementAndGet();
    }

    /** The generation of {@code accountId}'s entries of {@code operation} now. */
    long current(String accountId, String operation) {
        Objects.requireNonNull(operation, "operation");
        return count(name(accountId, null)) + count(name(accountId, operation));
    }

    /** True when an invalidation of those entries was marked after {@code generation} was read. */
    boolean changedSince(String accountId, String operation, long generation) {
        return current(accountId, operation) != generation;
    }

    private long count(String name) {
        AtomicLong count = counts.get(name);
        return count == null ? 0 : count.get();
    }

    private static String name(String accountId, String operation) {
        String account = AccountIds.canonical(accountId);
        return operation == null ? account : account + '\u0000' + operation;
    }
}
