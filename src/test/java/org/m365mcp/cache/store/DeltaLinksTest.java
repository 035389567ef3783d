package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaLinksTest {

    private static final Instant BASELINE = Instant.parse("2026-12-07T04:00:00Z");

    @TempDir
    Path dir;

    @Test
    void save_thenReopen_resumesFromTheLatestLinkOfEachResource() {
        Path file = dir.resolve("cache.db");
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), StoreFixtures.KEY)) {
            store.deltaLinks().save("alice", "messages:inbox", "https://graph/first", BASELINE);
            store.deltaLinks().save("alice", "messages:inbox", "https://graph/second", BASELINE);
            store.deltaLinks().save("alice", "drive", "https://graph/drive", BASELINE.plusSeconds(5));
        }
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), StoreFixtures.KEY)) {
            assertThat(store.deltaLinks().of("alice"))
                    .extracting(DeltaLinks.DeltaLink::resource, DeltaLinks.DeltaLink::link)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("drive", "https://graph/drive"),
                            org.assertj.core.groups.Tuple.tuple("messages:inbox", "https://graph/second"));
            assertThat(store.deltaLinks().accounts()).containsExactly("alice");
        }
    }

    @Test
    void deleteAccount_removesThatAccountsLinksOnly() {
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(dir.resolve("cache.db")), StoreFixtures.KEY)) {
            store.deltaLinks().save("alice", "drive", "https://graph/a", BASELINE);
            store.deltaLinks().save("bob", "drive", "https://graph/b", BASELINE);

            store.deleteAccount("alice");

            assertThat(store.deltaLinks().of("alice")).isEmpty();
            assertThat(store.deltaLinks().of("bob")).hasSize(1);
        }
    }

    @Test
    void remove_forgetsOneResource_andSaysWhetherThereWasOne() {
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(dir.resolve("cache.db")), StoreFixtures.KEY)) {
            store.deltaLinks().save("alice", "drive", "https://graph/a", BASELINE);
            store.deltaLinks().save("alice", "contacts:contacts", "https://graph/c", BASELINE);

            assertThat(store.deltaLinks().remove("alice", "drive")).isTrue();
            assertThat(store.deltaLinks().remove("alice", "drive")).isFalse();
            assertThat(store.deltaLinks().of("alice"))
                    .extracting(DeltaLinks.DeltaLink::resource)
                    .containsExactly("contacts:contacts");
        }
    }

    @Test
    void toString_neverShowsTheLink() {
        DeltaLinks.DeltaLink link = new DeltaLinks.DeltaLink("drive", "https://graph/secret-token", BASELINE, BASELINE);

        assertThat(link.toString()).contains("drive").doesNotContain("secret-token");
    }

    @Test
    void cachedParams_groupsAnAccountsEntriesOfOneOperationByParameterValue() {
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(dir.resolve("cache.db")), StoreFixtures.KEY)) {
            Instant later = BASELINE.plusSeconds(60);
            store.write(new StoredEntry(
                    "email_list:alice:folder=inbox&limit=5",
                    "alice",
                    "email_list",
                    new byte[] {1},
                    BASELINE,
                    later.plusSeconds(3600),
                    "{\"params\":{\"folder\":\"inbox\",\"limit\":\"5\"}}"));
            store.write(new StoredEntry(
                    "email_list:alice:folder=inbox&limit=9",
                    "alice",
                    "email_list",
                    new byte[] {1},
                    later,
                    later.plusSeconds(3600),
                    "{\"params\":{\"folder\":\"inbox\",\"limit\":\"9\"}}"));
            store.write(new StoredEntry(
                    "email_list:alice:folder=archive",
                    "alice",
                    "email_list",
                    new byte[] {1},
                    BASELINE,
                    later.plusSeconds(3600),
                    "{\"params\":{\"folder\":\"archive\"}}"));
            store.write(new StoredEntry(
                    "email_list:bob:folder=junkemail",
                    "bob",
                    "email_list",
                    new byte[] {1},
                    BASELINE,
                    later.plusSeconds(3600),
                    "{\"params\":{\"folder\":\"junkemail\"}}"));

            assertThat(store.entries().cachedParams("alice", "email_list", "folder"))
                    .containsOnly(java.util.Map.entry("inbox", later), java.util.Map.entry("archive", BASELINE));
            assertThat(store.entries().cachedParams("alice", "contact_list", "folder_id"))
                    .isEmpty();
        }
    }
}
