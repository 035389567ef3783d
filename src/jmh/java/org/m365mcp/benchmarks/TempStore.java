package org.m365mcp.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.m365mcp.cache.key.CacheKey;
import org.m365mcp.cache.store.BenchmarkStores;
import org.m365mcp.cache.store.CacheStore;
import org.m365mcp.cache.store.SizeLimits;
import org.m365mcp.cache.store.StoreSettings;
import org.m365mcp.cache.store.StoredEntry;
import org.m365mcp.cache.store.WriteResult;

/**
 * A cache store in a fresh temporary directory, SQLCipher-encrypted or plain, removed with its
 * directory on {@link #close()}. Not thread-safe beyond what {@link CacheStore} is.
 */
final class TempStore implements AutoCloseable {

    private static final CacheKey KEY = CacheKey.of("benchmark-only-key-0123456789abcdef");

    private final Path directory;
    private final CacheStore store;
    private final Clock clock;

    private TempStore(Path directory, CacheStore store, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.clock = clock;
    }

    /** Opens a new store with the default settings but {@code limits}. */
    static TempStore open(String encryption, SizeLimits limits, Clock clock) throws IOException {
        Path directory = Files.createTempDirectory("m365-mcp-jmh-");
        StoreSettings settings = StoreSettings.defaults(directory.resolve("cache.db")).withLimits(limits);
        return new TempStore(directory, BenchmarkStores.open(encryption, settings, KEY, clock), clock);
    }

    CacheStore store() {
        return store;
    }

    /**
     * Writes {@code payload} under {@code key} ({@code operation:account:params}), account and
     * resource type taken from the key, fresh for a day; fails if the store did not simply keep it.
     */
    void write(String key, byte[] payload) {
        String[] parts = key.split(":", 3);
        Instant now = clock.instant();
        WriteResult result = store.write(new StoredEntry(key, parts[1], parts[0], payload, now,
                now.plus(Duration.ofDays(1)), null));
        if (!result.stored() || !result.evicted().keys().isEmpty()) {
            throw new IllegalStateException("The benchmark's store did not simply keep " + key + ": "
                    + result);
        }
    }

    @Override
    public void close() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
