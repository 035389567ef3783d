package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.cache.store.StoreFixtures.KEY;
import static org.m365mcp.cache.store.StoreFixtures.queryString;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheStoreInvalidationTest {

    private static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofHours(1));

    @TempDir
    Path dir;

    private TestClock clock;
    private CacheStore store;

    @BeforeEach
    void open() {
        clock = new TestClock(NOW);
        store = CacheStore.open(StoreSettings.defaults(dir.resolve("cache.db")), KEY, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void invalidate_trailingWildcard_removesThatOperationsKeysOnly() {
        put("a", "email_list", "email_list:a:folder=inbox", "email_list:a:folder=sent", "email_listing:a:x");
        put("a", "email_get", "email_get:a:id=1");

        Removal removal = store.invalidate("a", null, "email_list:*", "email_move");

        assertThat(removal.keys()).containsExactly("email_list:a:folder=inbox", "email_list:a:folder=sent");
        assertThat(remainingKeys()).containsExactly("email_get:a:id=1", "email_listing:a:x");
    }

    @Test
    void invalidate_noWildcard_removesExactlyThatKey() {
        put("a", "email_get", "email_get:a:id=1", "email_get:a:id=12");

        assertThat(store.invalidate("a", null, "email_get:a:id=1", "email_update")
                        .keys())
                .containsExactly("email_get:a:id=1");
        assertThat(remainingKeys()).containsExactly("email_get:a:id=12");
    }

    @Test
    void invalidate_wildcardInTheMiddle_matchesAnyRunOfCharacters() {
        put(
                "a",
                "file_list",
                "file_list:a:folder=root&top=10",
                "file_list:a:folder=docs&top=10",
                "file_list:a:folder=root&top=20");

        assertThat(store.invalidate("a", null, "file_list:a:*&top=10", "file_move")
                        .keys())
                .containsExactly("file_list:a:folder=docs&top=10", "file_list:a:folder=root&top=10");
    }

    @Test
    void invalidate_percentAndUnderscoreInPattern_matchOnlyThemselves() {
        put(
                "a",
                "search_emails",
                "search_emails:a:q=50%_off",
                "search_emails:a:q=50XYoff",
                "search_emails:a:q=50%Yoff",
                "search_emails:a:q=50Z_off");

        assertThat(store.invalidate("a", null, "search_emails:a:q=50%_off", "test")
                        .keys())
                .containsExactly("search_emails:a:q=50%_off");
        assertThat(remainingKeys()).hasSize(3);
    }

    @Test
    void invalidate_underscoreWithWildcard_underscoreStaysLiteral() {
        put("a", "file_get", "file_get:a:id=a_1", "file_get:a:id=ab1", "file_get:a:id=a_2");

        assertThat(store.invalidate("a", null, "file_get:a:id=a_*", "test").keys())
                .containsExactly("file_get:a:id=a_1", "file_get:a:id=a_2");
    }

    @Test
    void invalidate_backslashInKey_matchesLiterally() {
        put("a", "file_list", "file_list:a:path=C:\\docs", "file_list:a:path=C:docs");

        assertThat(store.invalidate("a", null, "file_list:a:path=C:\\docs", "test")
                        .keys())
                .containsExactly("file_list:a:path=C:\\docs");
    }

    @Test
    void invalidate_otherCase_doesNotMatch() {
        put("a", "email_get", "email_get:a:id=AAMk", "email_get:a:id=aamk");

        assertThat(store.invalidate("a", null, "email_get:a:id=AAMk", "test").keys())
                .containsExactly("email_get:a:id=AAMk");
    }

    @Test
    void invalidate_patternOfAccountA_neverTouchesAccountB() {
        put("a", "email_list", "email_list:a:folder=inbox");
        put("b", "email_list", "email_list:b:folder=inbox");
        // a key of B that A's pattern matches textually: the account column decides
        put("b", "email_list", "email_list:a:folder=sent");

        Removal all = store.invalidate("a", null, "*", "test");
        Removal named = store.invalidate("a", null, "email_list:b:*", "test");

        assertThat(all.keys()).containsExactly("email_list:a:folder=inbox");
        assertThat(named.count()).isZero();
        assertThat(remainingKeys()).containsExactly("email_list:a:folder=sent", "email_list:b:folder=inbox");
    }

    @Test
    void invalidate_withResourceType_removesOnlyThatType() {
        put("a", "email_list", "x:a:1");
        put("a", "email_get", "x:a:2");

        assertThat(store.invalidate("a", "email_get", "x:a:*", "test").keys()).containsExactly("x:a:2");
        assertThat(remainingKeys()).containsExactly("x:a:1");
    }

    @Test
    void invalidate_returnsStoredBytesOfRemovedEntries() {
        store.write(StoreFixtures.entry("k:a:1", "a", "t", 100, LATER));
        store.write(StoreFixtures.entry("k:a:2", "a", "t", 250, LATER));

        assertThat(store.invalidate("a", null, "k:*", "test").storedBytes()).isEqualTo(350);
    }

    @Test
    void invalidate_writesAuditRowWithAccountTypePatternReasonTimeAndCount() throws Exception {
        put("a", "contact_list", "contact_list:a:top=10", "contact_list:a:top=20");
        clock.advance(Duration.ofSeconds(42));

        store.invalidate("a", "contact_list", "contact_list:*", "contact_create");

        assertThat(store.invalidations("a", 10))
                .containsExactly(new InvalidationRecord(
                        "a", "contact_list", "contact_list:*", "contact_create", NOW.plusSeconds(42), 2));
        try (Connection raw = StoreFixtures.raw(store.file(), KEY)) {
            assertThat(
                            queryString(
                                    raw,
                                    "SELECT account_id || '|' || resource_type || '|' || pattern || '|'"
                                            + " || reason || '|' || invalidated_at || '|' || entries_invalidated FROM cache_invalidation"))
                    .isEqualTo("a|contact_list|contact_list:*|contact_create|"
                            + NOW.plusSeconds(42).toEpochMilli() + "|2");
        }
    }

    @Test
    void invalidate_nothingMatches_stillAuditsWithCountZeroAndNullType() {
        store.invalidate("a", null, "calendar_list_events:*", "calendar_create_event");

        assertThat(store.invalidations(null, 10))
                .containsExactly(
                        new InvalidationRecord("a", null, "calendar_list_events:*", "calendar_create_event", NOW, 0));
    }

    @Test
    void invalidations_filteredByAccount_newestFirst() {
        store.invalidate("a", null, "p1", "r");
        clock.advance(Duration.ofSeconds(1));
        store.invalidate("b", null, "p2", "r");
        clock.advance(Duration.ofSeconds(1));
        store.invalidate("a", null, "p3", "r");

        assertThat(store.invalidations("a", 10))
                .extracting(InvalidationRecord::pattern)
                .containsExactly("p3", "p1");
        assertThat(store.invalidations(null, 2))
                .extracting(InvalidationRecord::pattern)
                .containsExactly("p3", "p2");
    }

    @Test
    void deleteAccount_removesEveryEntryOfThatAccountOnlyAndAuditsIt() {
        put("a", "email_list", "email_list:a:1");
        put("a", "file_get", "file_get:a:2");
        put("b", "email_list", "email_list:b:1");

        Removal removal = store.deleteAccount("a");

        assertThat(removal.keys()).containsExactly("email_list:a:1", "file_get:a:2");
        assertThat(remainingKeys()).containsExactly("email_list:b:1");
        assertThat(store.invalidations("a", 10))
                .containsExactly(new InvalidationRecord("a", null, "*", "account removed", NOW, 2));
    }

    @Test
    void cleanupExpired_entryExpiringExactlyNow_isRemovedOneMillisecondLaterIsKept() {
        store.write(StoreFixtures.entry("past", "a", "t", 10, NOW.minusMillis(1)));
        store.write(StoreFixtures.entry("now", "a", "t", 10, NOW));
        store.write(StoreFixtures.entry("next", "b", "t", 10, NOW.plusMillis(1)));

        Removal removal = store.upkeep().cleanupExpired();

        assertThat(removal.keys()).containsExactly("past", "now");
        assertThat(remainingKeys()).containsExactly("next");
        assertThat(store.invalidations(null, 10))
                .as("expiry is not an invalidation")
                .isEmpty();
    }

    @Test
    void cleanupExpired_keptPastExpiry_removesOnlyWhatExpiredLongerAgo() {
        store.write(StoreFixtures.entry("long-ago", "a", "t", 10, NOW.minus(Duration.ofHours(24))));
        store.write(StoreFixtures.entry("recently", "a", "t", 10, NOW.minus(Duration.ofHours(23))));
        store.write(StoreFixtures.entry("live", "b", "t", 10, NOW.plusMillis(1)));

        Removal removal = store.upkeep().cleanupExpired(Duration.ofHours(24));

        assertThat(removal.keys()).containsExactly("long-ago");
        assertThat(remainingKeys()).containsExactly("live", "recently");
    }

    @Test
    void read_afterInvalidate_isEmpty() {
        put("a", "email_get", "email_get:a:id=1");
        store.read("email_get:a:id=1");

        store.invalidate("a", null, "email_get:*", "email_delete");

        assertThat(store.read("email_get:a:id=1")).isEmpty();
    }

    private void put(String account, String resourceType, String... keys) {
        for (String key : keys) {
            store.write(StoreFixtures.entry(key, account, resourceType, 10, LATER));
        }
    }

    private List<String> remainingKeys() {
        return StoreFixtures.keys(store.file());
    }
}
