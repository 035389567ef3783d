package org.m365mcp.cache.entries;

import java.util.Arrays;
import java.util.Optional;

/**
 * Response times of one operation since the last {@link #drain()}, kept in a fixed ring of the most
 * recent samples (older ones are overwritten), from which percentiles are taken by nearest rank.
 *
 * <p>Thread-safe: both methods are synchronized; recording is an array store.
 */
final class LatencySamples {

    static final int CAPACITY = 4096;

    private final long[] nanos = new long[CAPACITY];
    private long recorded;

    synchronized void add(long elapsedNanos) {
        nanos[(int) (recorded++ % CAPACITY)] = elapsedNanos;
    }

    /** Percentiles of the samples since the last drain, then forgets them; empty when there were none. */
    synchronized Optional<LatencyPercentiles> drain() {
        int count = (int) Math.min(recorded, CAPACITY);
        if (count == 0) {
            return Optional.empty();
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        recorded = 0;
        Arrays.sort(sorted);
        return Optional.of(new LatencyPercentiles(millis(sorted, 50), millis(sorted, 95), millis(sorted, 99), count));
    }

    /** The nearest-rank percentile {@code p} of ascending {@code sorted}, in milliseconds. */
    static double millis(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1] / 1_000_000.0;
    }
}
