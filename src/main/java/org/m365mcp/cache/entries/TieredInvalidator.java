package org.m365mcp.cache.entries;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.cache.Cache;
import org.m365mcp.cache.store.CacheStore;
import org.m365mcp.cache.store.LiveStore;
import org.m365mcp.cache.store.Removal;

/**
 * Invalidates cached results in both tiers, always within one account (SPEC §3).
 *
 * <ul>
 *   <li>The store removes the matching entries and audits it ({@link CacheStore#invalidate}); the
 *       heap tier of every open cache concerned then drops its own matching keys, found by the same
 *       pattern rules ({@link EntryKey#matches}) among the keys whose account value is the one
 *       asked for. Scanning the heap, rather than trusting the store's key list, also catches
 *       entries the store never held (over its entry limit).</li>
 *   <li>Without a store (the server degraded to the heap tier), the heap alone is invalidated and the
 *       audit is a log line.</li>
 *   <li>Thread-safe: the store and the caches are; the map of open caches must be a concurrent one.</li>
 * </ul>
 */
public final class TieredInvalidator {

    private static final Logger LOG = Logger.getLogger(TieredInvalidator.class.getName());

    private final Supplier<Optional<LiveStore>> store;
    private final Map<String, ? extends Cache<EntryKey, CacheEntryEnvelope>> openCaches;

    /**
     * @param store      the durable tier, if it is open; asked on every call (it may be reopened)
     * @param openCaches the caches created so far, by operation (= resource type); read live
     */
    public TieredInvalidator(
            Supplier<Optional<LiveStore>> store,
            Map<String, ? extends Cache<EntryKey, CacheEntryEnvelope>> openCaches) {
        this.store = Objects.requireNonNull(store, "store");
        this.openCaches = Objects.requireNonNull(openCaches, "openCaches");
    }

    /**
     * Removes {@code accountId}'s entries whose key matches {@code pattern}.
     *
     * @param operation only this operation's entries, or null for every operation
     * @param pattern   matched against the whole key {@code operation:account:params}; {@code *} is
     *                  the only wildcard
     * @param reason    recorded in the audit row
     * @return what the store removed; without a store, what the heap tier removed
     */
    public Removal invalidate(String accountId, String operation, String pattern, String reason) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(reason, "reason");
        Optional<Removal> fromStore =
                store.get().map(live -> live.apply(s -> s.invalidate(accountId, operation, pattern, reason)));
        List<String> fromHeap = evictFromHeap(accountId, operation, pattern);
        if (fromStore.isEmpty()) {
            LOG.info(() -> "Invalidated " + fromHeap.size() + " in-memory entries of account " + accountId
                    + " matching " + pattern + " (" + reason + "); no store to audit it in");
        }
        return fromStore.orElseGet(() -> new Removal(fromHeap, 0));
    }

    /**
     * Removes {@code accountId}'s entries of {@code operation} cached for the key parameter
     * {@code param} equal to {@code value}, in both tiers; finds entries whose key is a hash too.
     *
     * @return what the store removed; without a store, what the heap tier removed
     */
    public Removal invalidateByParam(String accountId, String operation, String param, String value, String reason) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        Optional<Removal> fromStore = store.get()
                .map(live -> live.apply(s -> s.invalidateByParam(accountId, operation, param, value, reason)));
        List<String> fromHeap = evictFromHeap(
                accountId,
                operation,
                (key, envelope) -> value.equals(envelope.params().get(param)));
        if (fromStore.isEmpty()) {
            LOG.info(() -> "Invalidated " + fromHeap.size() + " in-memory entries of account " + accountId + " with "
                    + param + "=" + value + " (" + reason + "); no store to audit it in");
        }
        return fromStore.orElseGet(() -> new Removal(fromHeap, 0));
    }

    /** Removes everything cached for {@code accountId}, in both tiers (signing out). */
    public Removal removeAccount(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        Optional<Removal> fromStore = store.get().map(live -> live.apply(s -> s.deleteAccount(accountId)));
        List<String> fromHeap = evictFromHeap(accountId, null, "*");
        return fromStore.orElseGet(() -> new Removal(fromHeap, 0));
    }

    private List<String> evictFromHeap(String accountId, String operation, String pattern) {
        return evictFromHeap(accountId, operation, (key, envelope) -> key.matches(pattern));
    }

    /** Evicts {@code accountId}'s heap entries (of {@code operation} unless null) that {@code matches}. */
    private List<String> evictFromHeap(
            String accountId, String operation, BiPredicate<EntryKey, CacheEntryEnvelope> matches) {
        List<String> evicted = new ArrayList<>();
        openCaches.forEach((name, cache) -> {
            if (operation == null || operation.equals(name)) {
                Set<EntryKey> matching = new HashSet<>();
                for (Cache.Entry<EntryKey, CacheEntryEnvelope> entry : cache) {
                    if (entry == null) {
                        continue; // Ehcache's iterator yields null for a mapping that went while iterating
                    }
                    EntryKey key = entry.getKey();
                    if (accountId.equals(key.account()) && matches.test(key, entry.getValue())) {
                        matching.add(key);
                    }
                }
                if (!matching.isEmpty()) {
                    cache.removeAll(matching);
                    matching.forEach(key -> evicted.add(key.text()));
                }
            }
        });
        return evicted;
    }
}
