package org.m365mcp.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the Graph requests the sandbox served, in total and per path, so tests can measure how
 * many calls the cache saved; per authenticated account how many it served (so a load run can tell
 * one account's idle cost from another's) and the most it had in flight at once, so tests can see a
 * client's concurrency from the server's side.
 *
 * <ul>
 *   <li>A request is in flight from {@link #started(String)} to {@link #finished(String)}: from
 *       authentication to the response filter, latency and injected delays included.
 *   <li>{@link #reset()} zeroes the path and account counts and lowers each high-water mark to what
 *       is in flight at that moment; requests still running finish normally.
 *   <li>Thread-safe; {@link #snapshot()} is a consistent-enough copy, sorted by path.
 * </ul>
 */
public final class RequestCounter {

    private record InFlight(AtomicInteger now, AtomicInteger max, LongAdder served) {}

    private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();
    private final Map<String, InFlight> byAccount = new ConcurrentHashMap<>();

    public void record(String path) {
        byPath.computeIfAbsent(path, p -> new LongAdder()).increment();
    }

    /** A request of {@code accountId} has begun. */
    public void started(String accountId) {
        InFlight flight = byAccount.computeIfAbsent(
                accountId, a -> new InFlight(new AtomicInteger(), new AtomicInteger(), new LongAdder()));
        flight.served().increment();
        int now = flight.now().incrementAndGet();
        flight.max().accumulateAndGet(now, Math::max);
    }

    /** A request of {@code accountId} that {@link #started(String) started} has been answered. */
    public void finished(String accountId) {
        InFlight flight = byAccount.get(accountId);
        if (flight != null) {
            flight.now().decrementAndGet();
        }
    }

    /** The most requests of {@code accountId} in flight at once since the last reset; 0 for none. */
    public int maxInFlight(String accountId) {
        InFlight flight = byAccount.get(accountId);
        return flight == null ? 0 : flight.max().get();
    }

    /** Account → {@link #maxInFlight(String)}, sorted by account. */
    public Map<String, Integer> maxInFlight() {
        Map<String, Integer> copy = new TreeMap<>();
        byAccount.forEach((account, flight) -> copy.put(account, flight.max().get()));
        return copy;
    }

    /** Account → requests it authenticated since the last reset, sorted by account. */
    public Map<String, Long> byAccount() {
        Map<String, Long> copy = new TreeMap<>();
        byAccount.forEach((account, flight) -> copy.put(account, flight.served().sum()));
        return copy;
    }

    public long total() {
        return byPath.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Path → count, sorted by path. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        byPath.forEach((path, count) -> copy.put(path, count.sum()));
        return copy;
    }

    public void reset() {
        byPath.clear();
        byAccount.values().forEach(flight -> {
            flight.max().set(flight.now().get());
            flight.served().reset();
        });
    }
}
