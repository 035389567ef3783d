package org.m365mcp.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.m365mcp.cache.store.BenchmarkStores;
import org.m365mcp.cache.store.CleanupReport;
import org.m365mcp.cache.store.SizeLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code CacheStore.cleanupToTarget} removing 10,000 entries from a store over its threshold,
 * encrypted and not.
 *
 * <ul>
 *   <li>25,000 entries of about 1 KB of Graph JSON (five accounts of 5,000), all the same size
 *       {@code s}; the soft limit is {@code 25,000 × s}, so the store stands at 100 % (over the
 *       80 % threshold) and cleanup must bring it to 60 %: exactly 10,000 entries.</li>
 *   <li>Nothing is expired and {@code coldAfter} is zero, so every entry counts as cold and the
 *       removal is step 2, least recently accessed first: the usual case of a full cache.</li>
 *   <li>One cleanup per iteration (single shot), after a setup that writes the 10,000 back; a
 *       shot that removes any other count fails the run.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
@Fork(1)
public class CleanupBenchmark {

    private static final int ACCOUNTS = 5;
    private static final int ENTRIES = 25_000;
    private static final int REMOVED = 10_000;

    @Param({BenchmarkStores.SQLCIPHER, BenchmarkStores.NONE})
    public String encryption;

    private final Clock clock = Clock.systemUTC();
    private final byte[] payload = GraphPayloads.messagesPage(1);
    private TempStore store;
    private CleanupReport report;

    @Setup(Level.Trial)
    public void fill() throws Exception {
        SizeLimits limits = new SizeLimits((long) ENTRIES * payload.length, 80, 60,
                SizeLimits.DEFAULT_MAX_ENTRIES_PER_ACCOUNT, Duration.ZERO);
        store = TempStore.open(encryption, limits, clock);
        for (int n = 0; n < ENTRIES; n++) {
            String key = String.format("email_list:account-%d:folder=inbox&page=%05d", n % ACCOUNTS, n);
            store.write(key, payload);
        }
    }

    @Setup(Level.Iteration)
    public void writeBack() {
        if (report != null) {
            report.removed().keys().forEach(key -> store.write(key, payload));
            report = null;
        }
    }

    @Benchmark
    public CleanupReport cleanup() {
        report = store.store().cleanupToTarget();
        return report;
    }

    @TearDown(Level.Iteration)
    public void check() {
        if (report == null || report.removed().count() != REMOVED || report.cold().count() != REMOVED) {
            throw new IllegalStateException("Cleanup was expected to remove " + REMOVED
                    + " cold entries: " + (report == null ? "no report" : report.removed().count()));
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        store.close();
    }
}
