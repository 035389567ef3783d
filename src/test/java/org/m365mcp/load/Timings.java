package org.m365mcp.load;

import java.util.Arrays;
import java.util.List;

/**
 * Client-side wall times of a series of tool calls, summarised.
 *
 * <ul>
 *   <li>Percentiles by nearest rank: p99 of 100 calls is the 99th fastest, of 50 calls the slowest.
 *   <li>Milliseconds, from {@link System#nanoTime()} around each whole MCP {@code tools/call}.
 * </ul>
 *
 * @param calls how many calls were timed
 */
record Timings(int calls, double p50Ms, double p95Ms, double p99Ms, double meanMs, double minMs, double maxMs) {

    static Timings of(List<Long> nanos) {
        if (nanos.isEmpty()) {
            throw new IllegalArgumentException("no calls were timed");
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Timings(
                sorted.length,
                ms(rank(sorted, 50)),
                ms(rank(sorted, 95)),
                ms(rank(sorted, 99)),
                ms(Math.round(Arrays.stream(sorted).average().orElseThrow())),
                ms(sorted[0]),
                ms(sorted[sorted.length - 1]));
    }

    private static long rank(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
