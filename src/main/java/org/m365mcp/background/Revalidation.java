package org.m365mcp.background;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.m365mcp.cache.annotation.StaleRefresh;
import org.m365mcp.cache.entries.CacheEntryEnvelope;
import org.m365mcp.cache.entries.EntryKey;
import org.m365mcp.cache.entries.Revalidator;
import org.m365mcp.cache.entries.TieredCaches;

/**
 * A stale refresh's first question: has Graph changed at all since the entry was fetched? Asks every
 * {@link Revalidator} bean in turn; the first that answers {@code UNCHANGED} renews the entry as it
 * is ({@link TieredCaches#renew}), the first {@code CHANGED} ends the asking. Anything else, or an
 * entry no longer cached, means a refetch. Counted; thread-safe.
 */
@ApplicationScoped
public class Revalidation {

    private static final Logger LOG = Logger.getLogger(Revalidation.class.getName());

    @Inject
    @Any
    Instance<Revalidator> revalidators;

    @Inject
    TieredCaches caches;

    private final AtomicLong renewed = new AtomicLong();

    /** True when the stale entry of {@code refresh} was made fresh again without a refetch. */
    boolean renewed(StaleRefresh refresh) {
        try {
            EntryKey key = EntryKey.parse(refresh.cacheKey());
            long generation = caches.generation();
            CacheEntryEnvelope entry = caches.cache(key.operation()).get(key);
            if (entry == null) {
                return false;
            }
            for (Revalidator revalidator : revalidators) {
                switch (revalidator.check(key, entry)) {
                    case UNCHANGED -> {
                        if (caches.renew(key, entry, generation)) {
                            renewed.incrementAndGet();
                            LOG.fine(() -> "A stale " + key.operation() + " entry was revalidated");
                            return true;
                        }
                        return false;
                    }
                    case CHANGED -> {
                        return false;
                    }
                    case UNKNOWN -> {
                        // ask the next one
                    }
                }
            }
            return false;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Revalidation failed; refetching", e);
            return false;
        }
    }

    /** Entries renewed since start-up. */
    long count() {
        return renewed.get();
    }
}
