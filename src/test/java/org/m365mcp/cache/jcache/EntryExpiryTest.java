package org.m365mcp.cache.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import javax.cache.Cache;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.expiry.CreatedExpiryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.m365mcp.cache.store.TestClock;

/** A per-entry expiry given through the configuration decides heap lifetimes, on the manager's clock. */
class EntryExpiryTest {

    /** Values that are their own end of life. */
    private static final class UntilValue implements EntryExpiry<String, Instant> {
        @Override
        public Duration afterCreation(String key, Instant value, Instant now) {
            Duration left = Duration.between(now, value);
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T08:00:00Z"));
    private TieredCacheManager manager;

    @BeforeEach
    void open() {
        TieredCachingProvider provider =
                (TieredCachingProvider) Caching.getCachingProvider(TieredCachingProvider.class.getName());
        manager = provider.getCacheManager(
                URI.create("urn:m365-mcp:entry-expiry-test"), getClass().getClassLoader(), clock);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private TieredConfiguration<String, Instant> configuration() {
        TieredConfiguration<String, Instant> configuration = new TieredConfiguration<>();
        configuration.setTypes(String.class, Instant.class);
        configuration.setStoreByValue(false);
        return configuration;
    }

    @Test
    void entryExpiry_keepsEachEntryUntilTheEndItsValueNames() {
        Cache<String, Instant> cache = manager.createCache(
                "until",
                configuration().setEntryExpiryFactory(new FactoryBuilder.SingletonFactory<>(new UntilValue())));
        cache.put("short", clock.instant().plus(Duration.ofMinutes(1)));
        cache.put("long", clock.instant().plus(Duration.ofMinutes(5)));

        clock.advance(Duration.ofMinutes(1));

        assertThat(cache.containsKey("short")).isFalse();
        assertThat(cache.containsKey("long")).isTrue();
        assertThat(cache.getConfiguration(TieredConfiguration.class).getEntryExpiryFactory())
                .isNotNull();
    }

    @Test
    void entryExpiry_aValueAlreadyPastItsEnd_isNotKept() {
        Cache<String, Instant> cache = manager.createCache(
                "until",
                configuration().setEntryExpiryFactory(new FactoryBuilder.SingletonFactory<>(new UntilValue())));

        cache.put("old", clock.instant().minus(Duration.ofSeconds(1)));

        assertThat(cache.containsKey("old")).isFalse();
    }

    @Test
    void withoutEntryExpiry_theJCacheExpiryPolicyApplies() {
        TieredConfiguration<String, Instant> configuration = configuration();
        configuration.setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(javax.cache.expiry.Duration.ONE_MINUTE));
        Cache<String, Instant> cache = manager.createCache("policy", configuration);
        cache.put("far", clock.instant().plus(Duration.ofDays(1)));

        clock.advance(Duration.ofMinutes(1));

        assertThat(cache.containsKey("far")).isFalse();
    }
}
