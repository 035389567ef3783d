package org.m365mcp.cache.entries;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.cache.jcache.TieredCachingProvider;
import org.m365mcp.cache.jcache.TieredConfiguration;
import org.m365mcp.cache.lifecycle.EncryptedStore;
import org.m365mcp.cache.store.Removal;

/**
 * The application's tiered caches, one per operation, created on first use.
 *
 * <ul>
 *   <li>The provider is resolved through JSR-107's {@link Caching} by class name (the server carries
 *       other providers too), opened at start and closed at shutdown.</li>
 *   <li>Each entry's JCache lifetime is its own stale window (the envelope's {@code staleUntil});
 *       read-/write-through to the encrypted store when it is open, heap only when it is not
 *       (graceful degradation).</li>
 * </ul>
 */
@ApplicationScoped
public class TieredCaches {

    @Inject
    EncryptedStore encryptedStore;

    @Inject
    Clock clock;

    @Inject
    Event<AccountRemoved> accountRemoved;

    @Inject
    CacheTtlSettings ttl;

    @Inject
    @ConfigProperty(name = "m365.mcp.cache.heap-entries", defaultValue = "10000")
    long heapEntries;

    @Inject
    @ConfigProperty(name = "m365.mcp.cache.heap-megabytes", defaultValue = "0")
    long heapMegabytes;

    private CacheManager manager;
    private TieredInvalidator invalidator;
    private TieredPatcher patcher;
    private final ConcurrentMap<String, Cache<EntryKey, CacheEntryEnvelope>> byOperation = new ConcurrentHashMap<>();
    private final RecentInvalidations recent = new RecentInvalidations();

    @PostConstruct
    void open() {
        ClassLoader loader = getClass().getClassLoader();
        manager = ((TieredCachingProvider) Caching.getCachingProvider(TieredCachingProvider.class.getName(), loader))
                .getCacheManager(TieredCachingProvider.DEFAULT_URI, loader, clock);
        invalidator = new TieredInvalidator(encryptedStore::store, byOperation);
        patcher = new TieredPatcher(encryptedStore::store, byOperation, clock);
    }

    @PreDestroy
    void close() {
        manager.close();
    }

    /**
     * Invalidates what a write or a change names, in both tiers: every entry of {@code operation}
     * (or, for a family such as {@code emailfolders_*}, of every operation it names, in one removal),
     * or, with a {@code param}, those cached for {@code param} = {@code value}.
     *
     * @param param null for all the operation's entries; never with a family
     * @param value the parameter's value; null exactly when {@code param} is
     */
    public Removal invalidateEntries(String accountId, String operation, String param, String value, String reason) {
        if (param != null) {
            return invalidateByParam(accountId, operation, param, value, reason);
        }
        boolean family = operation.endsWith(EntryKey.ANY);
        return invalidate(
                accountId, family ? null : operation, EntryKey.pattern(operation, accountId, EntryKey.ANY), reason);
    }

    /** Invalidates one account's cached results in both tiers; see {@link TieredInvalidator#invalidate}. */
    public Removal invalidate(String accountId, String operation, String pattern, String reason) {
        recent.mark(accountId, operation, RecentInvalidations.Scope.matching(pattern));
        return invalidator.invalidate(accountId, operation, pattern, reason);
    }

    /** Invalidates one account's results of one operation cached for a key parameter value; see {@link TieredInvalidator#invalidateByParam}. */
    public Removal invalidateByParam(String accountId, String operation, String param, String value, String reason) {
        recent.mark(accountId, operation, RecentInvalidations.Scope.where(param, value));
        return invalidator.invalidateByParam(accountId, operation, param, value, reason);
    }

    /**
     * Every entry {@code accountId} has of {@code operation}, in either tier and whatever its state,
     * for a decision that needs to see what is cached (which entries a change touches).
     */
    public Map<EntryKey, CacheEntryEnvelope> entries(String accountId, String operation) {
        return patcher.entries(accountId, operation);
    }

    /**
     * Corrects in place, in both tiers, {@code accountId}'s entries of {@code operation} cached for
     * {@code param} = {@code value} (every one of them for a null {@code param}): {@code correct} answers each payload corrected (the same bytes when
     * it needs nothing), or empty when it cannot be corrected exactly, and then the entry is removed.
     * Corrected entries keep their freshness; both kinds are audited with their reason. A fetch of the
     * operation running meanwhile is not cached ({@link #invalidatedSince}).
     */
    public EntriesPatched patchEntries(
            String accountId,
            String operation,
            String param,
            String value,
            Function<byte[], Optional<byte[]>> correct,
            String patchedReason,
            String removedReason) {
        recent.mark(
                accountId,
                operation,
                param == null ? RecentInvalidations.Scope.ALL : RecentInvalidations.Scope.where(param, value));
        return patcher.patch(accountId, operation, param, value, correct, patchedReason, removedReason);
    }

    /**
     * Something {@code accountId}'s entries of {@code operation} may show changed, though none was
     * removed: a fetch of it running now may hold the old state, so it is not cached.
     */
    public void changed(String accountId, String operation) {
        recent.mark(accountId, operation, RecentInvalidations.Scope.ALL);
    }

    /** Removes everything cached for one account, in both tiers, and its queued tasks; then fires {@link AccountRemoved}. */
    public Removal removeAccount(String accountId) {
        recent.mark(accountId, null, RecentInvalidations.Scope.ALL);
        Removal removal = invalidator.removeAccount(accountId);
        accountRemoved.fire(new AccountRemoved(accountId));
        return removal;
    }

    /**
     * Drops {@code keys} from the heap tier of the caches open now, after the store removed them itself
     * (cleanup, expiry); a key whose cache is not open has nothing in the heap. Returns how many
     * keys each operation had among them.
     */
    public Map<String, Integer> dropFromHeap(Collection<String> keys) {
        Map<String, Set<EntryKey>> byOp = new TreeMap<>();
        for (String text : keys) {
            EntryKey key = EntryKey.parse(text);
            byOp.computeIfAbsent(key.operation(), op -> new HashSet<>()).add(key);
        }
        Map<String, Integer> counts = new TreeMap<>();
        byOp.forEach((operation, operationKeys) -> {
            Cache<EntryKey, CacheEntryEnvelope> cache = byOperation.get(operation);
            if (cache != null) {
                cache.removeAll(operationKeys);
            }
            counts.put(operation, operationKeys.size());
        });
        return counts;
    }

    /** The invalidation generation now, to read before fetching; see {@link RecentInvalidations}. */
    public long generation() {
        return recent.generation();
    }

    /**
     * True when an invalidation (or a patch, or a {@link #changed} signal) after {@code generation} was
     * read covered the entry cached under {@code key} with the key parameters {@code params}.
     */
    public boolean invalidatedSince(EntryKey key, Map<String, String> params, long generation) {
        return recent.touchedSince(key, params, generation);
    }

    /**
     * Makes {@code entry} fresh again as it is, because Graph was found unchanged since it was fetched
     * (a {@link Revalidator}): stored anew with the operation's TTLs from now. Not when the entry was
     * invalidated after {@code generation} was read: then what the revalidator saw may already be old.
     *
     * @return true if the entry was renewed
     */
    public boolean renew(EntryKey key, CacheEntryEnvelope entry, long generation) {
        if (invalidatedSince(key, entry.params(), generation)) {
            return false;
        }
        Cache<EntryKey, CacheEntryEnvelope> cache = cache(key.operation());
        cache.put(key, ttl.policy(key.operation()).envelope(entry.payload(), clock.instant(), entry.params()));
        if (invalidatedSince(key, entry.params(), generation)) {
            cache.remove(key);
            return false;
        }
        return true;
    }

    /**
     * What the encrypted store holds under {@code key}, whatever its state: an expired entry too, which
     * no read of {@link #cache} returns (stale-if-error answers from it when Graph fails). Empty without
     * a store (heap only), whose entries end at their stale end.
     */
    public Optional<CacheEntryEnvelope> stored(String operation, EntryKey key) {
        return encryptedStore.store().flatMap(store -> new StoreLoaderWriter(store, operation, clock).stored(key));
    }

    /** The cache of one operation (e.g. {@code email_list}), created on first use; lock-free after that. */
    public Cache<EntryKey, CacheEntryEnvelope> cache(String operation) {
        return byOperation.computeIfAbsent(operation, op -> manager.createCache(op, configuration(op)));
    }

    /** Read-/write-through to the store when it is open, heap only when not; the heap sized from config. */
    private TieredConfiguration<EntryKey, CacheEntryEnvelope> configuration(String operation) {
        TieredConfiguration<EntryKey, CacheEntryEnvelope> configuration = encryptedStore
                .store()
                .map(store -> new StoreLoaderWriter(store, operation, clock).tieredConfiguration())
                .orElseGet(EnvelopeExpiry::configuration);
        if (heapMegabytes > 0) {
            configuration.setHeapMegabytes(heapMegabytes);
        } else {
            configuration.setHeapEntries(heapEntries);
        }
        return configuration;
    }
}
