package org.m365mcp.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the Graph requests the sandbox served, in total and per path, so tests can measure how
 * many calls the cache saved.
 *
 * <ul>
 *   <li>Thread-safe; {@link #snapshot()} is a consistent-enough copy, sorted by path.
 * </ul>
 */
public final class RequestCounter {

    private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();

    public void record(String path) {
        byPath.computeIfAbsent(path, p -> new LongAdder()).increment();
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
    }
}
