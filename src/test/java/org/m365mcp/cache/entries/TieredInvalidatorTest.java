package org.m365mcp.cache.entries;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.Cache;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mcp.cache.jcache.TieredCacheManager;
import org.m365mcp.cache.jcache.TieredCachingProvider;
import org.m365mcp.cache.jcache.TieredConfiguration;
import org.m365mcp.cache.key.CacheKey;
import org.m365mcp.cache.store.CacheStore;
import org.m365mcp.cache.store.LiveStore;
import org.m365mcp.cache.store.Removal;
import org.m365mcp.cache.store.StoreSettings;

/** Invalidation and correction in place reach both tiers, and never another account's entries. */
class TieredInvalidatorTest {

    private static final TtlPolicy TTL = new TtlPolicy(Duration.ofMinutes(2), Duration.ofMinutes(10));
    private static final int STORE_ENTRY_LIMIT = 1_000;

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Cache<EntryKey, CacheEntryEnvelope>> caches = new ConcurrentHashMap<>();
    private CacheStore store;
    private TieredCacheManager manager;

    @BeforeEach
    void open() {
        StoreSettings defaults = StoreSettings.defaults(dir.resolve("cache.db"));
        StoreSettings settings = new StoreSettings(
                defaults.databaseFile(),
                defaults.compressionThresholdBytes(),
                defaults.compressionLevel(),
                STORE_ENTRY_LIMIT,
                defaults.limits(),
                defaults.retryBackoff(),
                defaults.busyTimeout(),
                defaults.quickCheckBudget());
        store = CacheStore.open(settings, CacheKey.of("invalidator-test-key"), clock);
        TieredCachingProvider provider =
                (TieredCachingProvider) Caching.getCachingProvider(TieredCachingProvider.class.getName());
        manager = provider.getCacheManager(
                URI.create("urn:m365-mcp:invalidator-test"), getClass().getClassLoader(), clock);
        for (String operation : new String[] {"email_list", "email_get"}) {
            caches.put(operation, manager.createCache(operation, configuration(operation)));
        }
    }

    @AfterEach
    void close() {
        manager.close();
        store.close();
    }

    private TieredConfiguration<EntryKey, CacheEntryEnvelope> configuration(String operation) {
        return new StoreLoaderWriter(LiveStore.of(store), operation, clock).tieredConfiguration();
    }

    private void put(String key) {
        put(key, "{\"k\":\"" + key + "\"}");
    }

    private void put(String key, String json) {
        String operation = key.substring(0, key.indexOf(':'));
        caches.get(operation)
                .put(EntryKey.parse(key), TTL.envelope(json.getBytes(StandardCharsets.UTF_8), clock.instant()));
    }

    private boolean inHeap(String key) {
        return caches.get(key.substring(0, key.indexOf(':'))).containsKey(EntryKey.parse(key));
    }

    @Test
    void invalidate_removesMatchingEntriesOfThatAccountFromBothTiers_only() {
        put("email_list:acc-a:folder=inbox");
        put("email_list:acc-a:folder=sent");
        put("email_list:acc-b:folder=inbox");
        TieredInvalidator invalidator = new TieredInvalidator(() -> Optional.of(LiveStore.of(store)), caches);

        Removal removal = invalidator.invalidate("acc-a", "email_list", "email_list:*", "email_move");

        assertThat(removal.keys())
                .containsExactlyInAnyOrder("email_list:acc-a:folder=inbox", "email_list:acc-a:folder=sent");
        assertThat(inHeap("email_list:acc-a:folder=inbox")).isFalse();
        assertThat(store.read("email_list:acc-a:folder=sent")).isEmpty();
        assertThat(inHeap("email_list:acc-b:folder=inbox")).isTrue();
        assertThat(store.read("email_list:acc-b:folder=inbox")).isPresent();
        assertThat(store.invalidations("acc-a", 10))
                .singleElement()
                .satisfies(audit -> assertThat(audit.entriesInvalidated()).isEqualTo(2));
    }

    @Test
    void invalidate_ofOneOperation_leavesTheOthersCachedForTheSameAccount() {
        put("email_list:acc-a:folder=inbox");
        put("email_get:acc-a:id=1");
        TieredInvalidator invalidator = new TieredInvalidator(() -> Optional.of(LiveStore.of(store)), caches);

        invalidator.invalidate("acc-a", "email_list", "*", "email_move");

        assertThat(inHeap("email_list:acc-a:folder=inbox")).isFalse();
        assertThat(inHeap("email_get:acc-a:id=1")).isTrue();
        assertThat(store.read("email_get:acc-a:id=1")).isPresent();
    }

    @Test
    void invalidate_reachesHeapEntriesTheStoreNeverHeld() {
        String big = "email_get:acc-a:id=big";
        put(big, "\"" + "x".repeat(STORE_ENTRY_LIMIT + 1) + "\"");
        assertThat(store.read(big)).as("over the store's entry limit").isEmpty();
        TieredInvalidator invalidator = new TieredInvalidator(() -> Optional.of(LiveStore.of(store)), caches);

        invalidator.invalidate("acc-a", "email_get", "email_get:acc-a:id=big", "email_update");

        assertThat(inHeap(big)).isFalse();
    }

    @Test
    void invalidate_withoutAStore_stillEmptiesTheHeapTier() {
        put("email_list:acc-a:folder=inbox");
        put("email_list:acc-b:folder=inbox");
        TieredInvalidator invalidator = new TieredInvalidator(Optional::empty, caches);

        Removal removal = invalidator.invalidate("acc-a", null, "email_list:acc-a:*", "cache_invalidate");

        assertThat(removal.keys()).containsExactly("email_list:acc-a:folder=inbox");
        assertThat(inHeap("email_list:acc-a:folder=inbox")).isFalse();
        assertThat(inHeap("email_list:acc-b:folder=inbox")).isTrue();
    }

    @Test
    void invalidate_whileTheHeapsIteratorYieldsAMappingThatWent_skipsItAndRemovesTheRest() {
        put("email_list:acc-a:folder=inbox");
        Cache<EntryKey, CacheEntryEnvelope> heap = caches.get("email_list");
        List<Cache.Entry<EntryKey, CacheEntryEnvelope>> seen = new ArrayList<>();
        seen.add(null);
        heap.forEach(seen::add);
        @SuppressWarnings("unchecked")
        Cache<EntryKey, CacheEntryEnvelope> racing = (Cache<EntryKey, CacheEntryEnvelope>) Proxy.newProxyInstance(
                Cache.class.getClassLoader(),
                new Class<?>[] {Cache.class},
                (proxy, method, args) ->
                        method.getName().equals("iterator") ? seen.iterator() : method.invoke(heap, args));
        TieredInvalidator invalidator = new TieredInvalidator(Optional::empty, Map.of("email_list", racing));

        Removal removal = invalidator.invalidate("acc-a", null, "email_list:acc-a:*", "delta");

        assertThat(removal.keys()).containsExactly("email_list:acc-a:folder=inbox");
        assertThat(inHeap("email_list:acc-a:folder=inbox")).isFalse();
    }

    @Test
    void removeAccount_forgetsEverythingOfThatAccountOnly() {
        put("email_list:acc-a:folder=inbox");
        put("email_get:acc-a:id=1");
        put("email_get:acc-b:id=1");
        TieredInvalidator invalidator = new TieredInvalidator(() -> Optional.of(LiveStore.of(store)), caches);

        Removal removal = invalidator.removeAccount("acc-a");

        assertThat(removal.count()).isEqualTo(2);
        assertThat(inHeap("email_list:acc-a:folder=inbox")).isFalse();
        assertThat(inHeap("email_get:acc-a:id=1")).isFalse();
        assertThat(store.summary().entries()).isEqualTo(1);
        assertThat(inHeap("email_get:acc-b:id=1")).isTrue();
    }

    /** Caches an {@code email_get} result for {@code messageId} under a hashed key, as long ids get. */
    private String putMessage(String account, String messageId, String bodyFormat) {
        Map<String, String> params = Map.of("message_id", messageId, "body_format", bodyFormat);
        EntryKey key = EntryKey.of("email_get", account, params);
        caches.get("email_get").put(key, TTL.envelope("{}".getBytes(StandardCharsets.UTF_8), clock.instant(), params));
        return key.text();
    }

    @Test
    void invalidateByParam_removesThatMessagesEntriesEvenUnderHashedKeys_inBothTiers_only() {
        String longId = "AAMkAGI2TG93AAA=" + "x".repeat(150);
        String text = putMessage("acc-a", longId, "text");
        String html = putMessage("acc-a", longId, "html");
        String other = putMessage("acc-a", "other-message", "text");
        String otherAccount = putMessage("acc-b", longId, "text");
        assertThat(text).as("the key is a hash").doesNotContain(longId);
        TieredInvalidator invalidator = new TieredInvalidator(() -> Optional.of(LiveStore.of(store)), caches);

        Removal removal = invalidator.invalidateByParam("acc-a", "email_get", "message_id", longId, "email_delete");

        assertThat(removal.keys()).containsExactlyInAnyOrder(text, html);
        assertThat(inHeap(text)).isFalse();
        assertThat(inHeap(html)).isFalse();
        assertThat(store.read(text)).isEmpty();
        assertThat(inHeap(other)).isTrue();
        assertThat(store.read(otherAccount)).isPresent();
        assertThat(inHeap(otherAccount)).isTrue();
        assertThat(store.invalidations("acc-a", 10)).singleElement().satisfies(audit -> {
            assertThat(audit.pattern()).isEqualTo("message_id=" + longId);
            assertThat(audit.reason()).isEqualTo("email_delete");
            assertThat(audit.entriesInvalidated()).isEqualTo(2);
        });
    }

    @Test
    void invalidateByParam_withoutAStore_matchesTheParamsTheHeapEntriesCarry() {
        String first = putMessage("acc-a", "m1", "text");
        String second = putMessage("acc-a", "m2", "text");
        TieredInvalidator invalidator = new TieredInvalidator(Optional::empty, caches);

        Removal removal = invalidator.invalidateByParam("acc-a", "email_get", "message_id", "m1", "email_update");

        assertThat(removal.keys()).containsExactly(first);
        assertThat(inHeap(second)).isTrue();
    }

    @Test
    void paramsRecordedWithAnEntry_surviveTheTripThroughTheStore() {
        String key = putMessage("acc-a", "m1", "html");
        manager.close();
        TieredCachingProvider provider =
                (TieredCachingProvider) Caching.getCachingProvider(TieredCachingProvider.class.getName());
        manager = provider.getCacheManager(
                URI.create("urn:m365-mcp:invalidator-test-2"), getClass().getClassLoader(), clock);
        Cache<EntryKey, CacheEntryEnvelope> reopened = manager.createCache("email_get", configuration("email_get"));

        assertThat(reopened.get(EntryKey.parse(key)).params())
                .isEqualTo(Map.of("message_id", "m1", "body_format", "html"));
    }

    private void putPage(String key, String folder, String payload) {
        caches.get("email_list")
                .put(
                        EntryKey.parse(key),
                        TTL.envelope(
                                payload.getBytes(StandardCharsets.UTF_8), clock.instant(), Map.of("folder", folder)));
    }

    private static Optional<byte[]> readIfUnread(byte[] payload) {
        return switch (new String(payload, StandardCharsets.UTF_8)) {
            case "unread" -> Optional.of("read".getBytes(StandardCharsets.UTF_8));
            case "broken" -> Optional.empty();
            default -> Optional.of(payload);
        };
    }

    @Test
    void patch_correctsBothTiersInPlace_keepingTheEntrysTimes_andOnlyThatFolder() {
        putPage("email_list:acc-a:folder=inbox&limit=5", "inbox", "unread");
        putPage("email_list:acc-a:folder=sent", "sent", "unread");
        CacheEntryEnvelope before =
                caches.get("email_list").get(EntryKey.parse("email_list:acc-a:folder=inbox&limit=5"));
        TieredPatcher patcher = new TieredPatcher(() -> Optional.of(LiveStore.of(store)), caches, clock);

        EntriesPatched done = patcher.patch(
                "acc-a", "email_list", "folder", "inbox", TieredInvalidatorTest::readIfUnread, "patched", "dropped");

        assertThat(done.patched()).containsExactly("email_list:acc-a:folder=inbox&limit=5");
        assertThat(done.removed()).isEmpty();
        CacheEntryEnvelope after =
                caches.get("email_list").get(EntryKey.parse("email_list:acc-a:folder=inbox&limit=5"));
        assertThat(new String(after.payload(), StandardCharsets.UTF_8)).isEqualTo("read");
        assertThat(after.createdAt()).isEqualTo(before.createdAt());
        assertThat(after.freshUntil()).isEqualTo(before.freshUntil());
        assertThat(new String(
                        store.read("email_list:acc-a:folder=inbox&limit=5")
                                .orElseThrow()
                                .payload(),
                        StandardCharsets.UTF_8))
                .isEqualTo("read");
        assertThat(new String(
                        caches.get("email_list")
                                .get(EntryKey.parse("email_list:acc-a:folder=sent"))
                                .payload(),
                        StandardCharsets.UTF_8))
                .isEqualTo("unread");
        assertThat(store.invalidations("acc-a", 10)).extracting(r -> r.reason()).containsExactly("patched");
    }

    @Test
    void patch_withoutAStore_correctsTheHeap_andRemovesWhatCannotBeCorrected() {
        putPage("email_list:acc-a:folder=inbox&limit=5", "inbox", "unread");
        putPage("email_list:acc-a:folder=inbox&limit=9", "inbox", "broken");
        TieredPatcher patcher = new TieredPatcher(Optional::empty, caches, clock);

        EntriesPatched done = patcher.patch(
                "acc-a", "email_list", "folder", "inbox", TieredInvalidatorTest::readIfUnread, "patched", "dropped");

        assertThat(done.patched()).containsExactly("email_list:acc-a:folder=inbox&limit=5");
        assertThat(done.removed()).containsExactly("email_list:acc-a:folder=inbox&limit=9");
        assertThat(inHeap("email_list:acc-a:folder=inbox&limit=9")).isFalse();
        assertThat(patcher.entries("acc-a", "email_list")).hasSize(1);
    }
}
