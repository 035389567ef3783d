package org.m365mcp.cache.entries;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.cache.Cache;
import org.m365mcp.cache.store.CachedEntries;
import org.m365mcp.cache.store.LiveStore;

/**
 * Looks at an account's cached results of one operation whole, in both tiers, and corrects them in
 * place: for a change that can be applied to what is cached instead of dropping it.
 *
 * <ul>
 *   <li>{@link #entries}: the store's entries, then the heap's over them (the heap also holds what the
 *       store refused).</li>
 *   <li>{@link #patch}: the store first ({@link CachedEntries#patch}: corrected or removed, audited, in
 *       one transaction), then each heap entry through the same patcher, replaced only if it is still the
 *       envelope read (else removed). A corrected entry keeps its creation time, freshness and expiry.</li>
 *   <li>Thread-safe: the store and the caches are; the map of open caches must be a concurrent one.</li>
 * </ul>
 */
final class TieredPatcher {

    private static final Logger LOG = Logger.getLogger(TieredPatcher.class.getName());

    private final Supplier<Optional<LiveStore>> store;
    private final Map<String, ? extends Cache<EntryKey, CacheEntryEnvelope>> openCaches;
    private final Clock clock;

    TieredPatcher(
            Supplier<Optional<LiveStore>> store,
            Map<String, ? extends Cache<EntryKey, CacheEntryEnvelope>> openCaches,
            Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.openCaches = Objects.requireNonNull(openCaches, "openCaches");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every entry {@code accountId} has of {@code operation}, in either tier, whatever its state. */
    Map<EntryKey, CacheEntryEnvelope> entries(String accountId, String operation) {
        Map<EntryKey, CacheEntryEnvelope> found = new LinkedHashMap<>();
        store.get().ifPresent(live -> found.putAll(new StoreLoaderWriter(live, operation, clock).entriesOf(accountId)));
        Cache<EntryKey, CacheEntryEnvelope> cache = openCaches.get(operation);
        if (cache != null) {
            for (Cache.Entry<EntryKey, CacheEntryEnvelope> entry : cache) {
                if (entry != null && accountId.equals(entry.getKey().account())) {
                    found.put(entry.getKey(), entry.getValue());
                }
            }
        }
        return found;
    }

    /**
     * Corrects {@code accountId}'s entries of {@code operation} cached for {@code param} = {@code value}
     * (all of them for a null {@code param}) with {@code patcher} (see {@link CachedEntries#patch}); what
     * cannot be corrected is removed. The
     * reasons go to the audit: one for the corrected entries, one for the removed.
     */
    EntriesPatched patch(
            String accountId,
            String operation,
            String param,
            String value,
            Function<byte[], Optional<byte[]>> patcher,
            String patchedReason,
            String removedReason) {
        Set<String> patched = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>();
        Optional<CachedEntries.Patched> fromStore = store.get()
                .map(live -> live.apply(s ->
                        s.entries().patch(accountId, operation, param, value, patcher, patchedReason, removedReason)));
        fromStore.ifPresent(done -> {
            patched.addAll(done.patched());
            removed.addAll(done.removed().keys());
        });
        Cache<EntryKey, CacheEntryEnvelope> cache = openCaches.get(operation);
        if (cache != null) {
            List<Cache.Entry<EntryKey, CacheEntryEnvelope>> matching = new ArrayList<>();
            for (Cache.Entry<EntryKey, CacheEntryEnvelope> entry : cache) {
                if (entry != null // Ehcache's iterator yields null for a mapping that went while iterating
                        && accountId.equals(entry.getKey().account())
                        && (param == null
                                || value.equals(entry.getValue().params().get(param)))) {
                    matching.add(entry);
                }
            }
            for (Cache.Entry<EntryKey, CacheEntryEnvelope> entry : matching) {
                patchInHeap(cache, entry.getKey(), entry.getValue(), patcher, patched, removed);
            }
        }
        if (fromStore.isEmpty()) {
            LOG.info(() -> "Patched " + patched.size() + " and removed " + removed.size() + " in-memory entries of "
                    + operation + " of account " + accountId + " with " + param + "=" + value + " (" + patchedReason
                    + "); no store to audit it in");
        }
        return new EntriesPatched(patched, removed);
    }

    private static void patchInHeap(
            Cache<EntryKey, CacheEntryEnvelope> cache,
            EntryKey key,
            CacheEntryEnvelope read,
            Function<byte[], Optional<byte[]>> patcher,
            Set<String> patched,
            Set<String> removed) {
        Optional<byte[]> corrected = patcher.apply(read.payload());
        if (corrected.isPresent() && Arrays.equals(corrected.get(), read.payload())) {
            return;
        }
        if (corrected.isPresent()
                && cache.replace(
                        key,
                        read,
                        new CacheEntryEnvelope(
                                corrected.get(),
                                read.createdAt(),
                                read.freshUntil(),
                                read.staleUntil(),
                                read.params()))) {
            patched.add(key.text());
            return;
        }
        cache.remove(key);
        patched.remove(key.text());
        removed.add(key.text());
    }
}
