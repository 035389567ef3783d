package org.m365mcp.cache.entries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CacheWriter;
import org.m365mcp.cache.jcache.TieredConfiguration;
import org.m365mcp.cache.store.LiveStore;
import org.m365mcp.cache.store.StoredEntry;

/**
 * The encrypted store as the authoritative tier of one cache: loads and writes
 * {@link CacheEntryEnvelope}s as store entries of resource type = cache name.
 *
 * <ul>
 *   <li>The store keeps an entry under its key's text ({@code operation:account:params}) and its
 *       account beside it, taken from the key's value, so invalidation and cleanup can be scoped to
 *       one account.</li>
 *   <li>An entry whose stale window has passed is not loaded; {@link #stored} still reads it, for
 *       stale-if-error.</li>
 *   <li>Thread-safe: the store is; each call holds it open ({@link LiveStore#apply}), so a key
 *       rotation replacing it waits for the call instead of closing it underneath.</li>
 * </ul>
 */
public final class StoreLoaderWriter
        implements CacheLoader<EntryKey, CacheEntryEnvelope>, CacheWriter<EntryKey, CacheEntryEnvelope> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LiveStore store;
    private final String resourceType;
    private final Clock clock;

    public StoreLoaderWriter(LiveStore store, String resourceType, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A tiered configuration for envelopes ({@link EnvelopeExpiry#configuration()}) with this
     * loader-writer as the durable tier: read- and write-through on. Size the heap on the result.
     */
    public TieredConfiguration<EntryKey, CacheEntryEnvelope> tieredConfiguration() {
        TieredConfiguration<EntryKey, CacheEntryEnvelope> configuration = EnvelopeExpiry.configuration();
        configuration.setCacheLoaderFactory(new FactoryBuilder.SingletonFactory<>(this));
        configuration.setCacheWriterFactory(new FactoryBuilder.SingletonFactory<>(this));
        configuration.setReadThrough(true).setWriteThrough(true);
        return configuration;
    }

    @Override
    public CacheEntryEnvelope load(EntryKey key) {
        return stored(key)
                .filter(envelope -> !envelope.isExpired(clock.instant()))
                .orElse(null);
    }

    /**
     * The envelope stored under {@code key} whatever its state, expired too (the store keeps expired
     * entries for stale-if-error until cleanup removes them); empty when there is none.
     */
    public Optional<CacheEntryEnvelope> stored(EntryKey key) {
        return store.apply(open -> open.read(key.text())).flatMap(this::envelope);
    }

    /** Every envelope the store holds of {@code accountId} for this cache, whatever its state. */
    Map<EntryKey, CacheEntryEnvelope> entriesOf(String accountId) {
        Map<EntryKey, CacheEntryEnvelope> found = new LinkedHashMap<>();
        for (StoredEntry entry : store.apply(open -> open.entries().of(accountId, resourceType))) {
            envelope(entry).ifPresent(envelope -> found.put(EntryKey.parse(entry.key()), envelope));
        }
        return found;
    }

    @Override
    public Map<EntryKey, CacheEntryEnvelope> loadAll(Iterable<? extends EntryKey> keys) {
        Map<EntryKey, CacheEntryEnvelope> loaded = new HashMap<>();
        for (EntryKey key : keys) {
            CacheEntryEnvelope envelope = load(key);
            if (envelope != null) {
                loaded.put(key, envelope);
            }
        }
        return loaded;
    }

    @Override
    public void write(Cache.Entry<? extends EntryKey, ? extends CacheEntryEnvelope> entry) {
        CacheEntryEnvelope envelope = entry.getValue();
        EntryKey key = entry.getKey();
        StoredEntry stored = new StoredEntry(
                key.text(),
                key.account(),
                resourceType,
                envelope.payload(),
                envelope.createdAt(),
                envelope.staleUntil(),
                metadata(envelope));
        store.apply(open -> open.write(stored));
    }

    @Override
    public void writeAll(Collection<Cache.Entry<? extends EntryKey, ? extends CacheEntryEnvelope>> entries) {
        for (var iterator = entries.iterator(); iterator.hasNext(); ) {
            write(iterator.next());
            iterator.remove();
        }
    }

    @Override
    public void delete(Object key) {
        store.apply(open -> open.delete(((EntryKey) key).text()));
    }

    @Override
    public void deleteAll(Collection<?> keys) {
        List<String> batch = keys.stream().map(key -> ((EntryKey) key).text()).toList();
        store.apply(open -> open.delete(batch));
        keys.clear(); // JSR-107: what is left in the collection was not deleted
    }

    /** {@code {"fresh_until":"…","params":{…}}}: what the store keeps beside the payload. */
    private static String metadata(CacheEntryEnvelope envelope) {
        ObjectNode metadata =
                JSON.createObjectNode().put("fresh_until", envelope.freshUntil().toString());
        ObjectNode params = metadata.putObject("params");
        envelope.params().forEach(params::put);
        return metadata.toString();
    }

    private Optional<CacheEntryEnvelope> envelope(StoredEntry entry) {
        Instant staleUntil = entry.expiresAt();
        Instant freshUntil = staleUntil;
        Map<String, String> params = new HashMap<>();
        if (entry.metadataJson() != null) {
            try {
                JsonNode metadata = JSON.readTree(entry.metadataJson());
                if (metadata.path("fresh_until").isTextual()) {
                    freshUntil = Instant.parse(metadata.get("fresh_until").asText());
                }
                metadata.path("params")
                        .fields()
                        .forEachRemaining(
                                p -> params.put(p.getKey(), p.getValue().asText()));
            } catch (IOException | DateTimeParseException e) {
                throw new CacheLoaderException("Corrupt metadata for " + resourceType + " entry", e);
            }
        }
        return Optional.of(new CacheEntryEnvelope(entry.payload(), entry.createdAt(), freshUntil, staleUntil, params));
    }
}
