package org.m365mcp.benchmarks;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.m365mcp.cache.store.BenchmarkStores;
import org.m365mcp.cache.store.Removal;
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
 * {@code CacheStore.invalidate} removing 1 or 1,000 entries of one account from a store of 10,000
 * entries of five accounts, encrypted and not.
 *
 * <ul>
 *   <li>Each account holds 1,000 {@code email_list} pages and 1,000 {@code email_get} messages of
 *       about 1 KB of Graph JSON. {@code matching=1} invalidates one message of {@code account-0}
 *       (what {@code email_update} does), {@code matching=1000} all of its {@code email_list:*}
 *       (what {@code email_move} does).</li>
 *   <li>One invalidation per iteration (single shot: it is a one-off, not a loop), after a setup
 *       that writes back what the previous one removed, so every shot sees the same 10,000 entries.
 *       A shot that removes any other count fails the run.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
@Fork(1)
public class InvalidationBenchmark {

    private static final int ACCOUNTS = 5;
    private static final int PER_TYPE = 1_000;
    private static final String ACCOUNT = "account-0";

    @Param({"1", "1000"})
    public int matching;

    @Param({BenchmarkStores.SQLCIPHER, BenchmarkStores.NONE})
    public String encryption;

    private final Clock clock = Clock.systemUTC();
    private final byte[] payload = GraphPayloads.messagesPage(1);
    private TempStore store;
    private String resourceType;
    private String pattern;
    private Removal removed = Removal.NONE;

    @Setup(Level.Trial)
    public void fill() throws Exception {
        store = TempStore.open(encryption, SizeLimits.defaults(), clock);
        for (int account = 0; account < ACCOUNTS; account++) {
            for (int n = 0; n < PER_TYPE; n++) {
                store.write(listKey("account-" + account, n), payload);
                store.write(getKey("account-" + account, n), payload);
            }
        }
        resourceType = matching == 1 ? "email_get" : "email_list";
        pattern = matching == 1 ? getKey(ACCOUNT, 42) : "email_list:*";
    }

    @Setup(Level.Iteration)
    public void writeBack() {
        removed.keys().forEach(key -> store.write(key, payload));
        removed = Removal.NONE;
    }

    @Benchmark
    public Removal invalidate() {
        removed = store.store().invalidate(ACCOUNT, resourceType, pattern, "benchmark");
        return removed;
    }

    @TearDown(Level.Iteration)
    public void check() {
        if (removed.count() != matching) {
            throw new IllegalStateException("Invalidated " + removed.count() + " entries, not " + matching);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        store.close();
    }

    private static String listKey(String account, int page) {
        return String.format("email_list:%s:folder=inbox&page=%04d", account, page);
    }

    private static String getKey(String account, int message) {
        return String.format("email_get:%s:id=AAMkAGI2TG93AAA%04d", account, message);
    }
}
