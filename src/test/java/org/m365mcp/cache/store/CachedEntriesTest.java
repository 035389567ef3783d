package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries corrected in place keep their times; those that cannot be are removed; both audited. */
class CachedEntriesTest {

    private static final Instant CREATED = Instant.parse("2026-12-07T04:00:00Z");
    private static final Instant EXPIRES = CREATED.plusSeconds(3600);

    @TempDir
    Path dir;

    private static StoredEntry page(String key, String folder, String payload) {
        return new StoredEntry(
                key,
                "alice",
                "email_list",
                payload.getBytes(StandardCharsets.UTF_8),
                CREATED,
                EXPIRES,
                "{\"fresh_until\":\"" + CREATED.plusSeconds(120) + "\",\"params\":{\"folder\":\"" + folder + "\"}}");
    }

    @Test
    void patch_correctsInPlace_removesWhatCannotBe_leavesOtherFolders_andAuditsBoth() {
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(dir.resolve("cache.db")), StoreFixtures.KEY)) {
            store.write(page("email_list:alice:folder=inbox&limit=5", "inbox", "unread"));
            store.write(page("email_list:alice:folder=inbox&limit=9", "inbox", "broken"));
            store.write(page("email_list:alice:folder=inbox&limit=2", "inbox", "other"));
            store.write(page("email_list:alice:folder=archive", "archive", "unread"));

            CachedEntries.Patched done = store.entries()
                    .patch(
                            "alice",
                            "email_list",
                            "folder",
                            "inbox",
                            payload -> switch (new String(payload, StandardCharsets.UTF_8)) {
                                case "unread" -> Optional.of("read".getBytes(StandardCharsets.UTF_8));
                                case "broken" -> Optional.empty();
                                default -> Optional.of(payload);
                            },
                            "sync messages:inbox (delta, patched)",
                            "sync messages:inbox (delta)");

            assertThat(done.patched()).containsExactly("email_list:alice:folder=inbox&limit=5");
            assertThat(done.unchanged()).containsExactly("email_list:alice:folder=inbox&limit=2");
            assertThat(done.removed().keys()).containsExactly("email_list:alice:folder=inbox&limit=9");
            StoredEntry patched =
                    store.read("email_list:alice:folder=inbox&limit=5").orElseThrow();
            assertThat(new String(patched.payload(), StandardCharsets.UTF_8)).isEqualTo("read");
            assertThat(patched.createdAt()).isEqualTo(CREATED);
            assertThat(patched.expiresAt()).isEqualTo(EXPIRES);
            assertThat(patched.metadataJson()).contains("fresh_until");
            assertThat(store.read("email_list:alice:folder=inbox&limit=9")).isEmpty();
            assertThat(new String(
                            store.read("email_list:alice:folder=archive")
                                    .orElseThrow()
                                    .payload(),
                            StandardCharsets.UTF_8))
                    .isEqualTo("unread");
            assertThat(store.invalidations("alice", 10))
                    .extracting(
                            InvalidationRecord::reason,
                            InvalidationRecord::pattern,
                            InvalidationRecord::entriesInvalidated)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(
                                    "sync messages:inbox (delta, patched)", "folder=inbox", 1),
                            org.assertj.core.groups.Tuple.tuple("sync messages:inbox (delta)", "folder=inbox", 1));
        }
    }

    @Test
    void patch_withoutAParam_correctsEveryEntryOfTheTypeOfTheAccount() {
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(dir.resolve("cache.db")), StoreFixtures.KEY)) {
            store.write(page("email_list:alice:folder=inbox", "inbox", "unread"));
            store.write(page("email_list:alice:folder=archive", "archive", "unread"));
            StoredEntry bobs = page("email_list:bob:folder=inbox", "inbox", "unread");
            store.write(new StoredEntry(
                    bobs.key(),
                    "bob",
                    "email_list",
                    bobs.payload(),
                    bobs.createdAt(),
                    bobs.expiresAt(),
                    bobs.metadataJson()));

            CachedEntries.Patched done = store.entries()
                    .patch(
                            "alice",
                            "email_list",
                            null,
                            null,
                            payload -> Optional.of("read".getBytes(StandardCharsets.UTF_8)),
                            "patched",
                            "removed");

            assertThat(done.patched())
                    .containsExactlyInAnyOrder("email_list:alice:folder=inbox", "email_list:alice:folder=archive");
            assertThat(new String(
                            store.read("email_list:bob:folder=inbox")
                                    .orElseThrow()
                                    .payload(),
                            StandardCharsets.UTF_8))
                    .as("another account's entry")
                    .isEqualTo("unread");
        }
    }

    @Test
    void of_listsOneAccountsEntriesOfOneType_whateverTheirExpiry() {
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(dir.resolve("cache.db")), StoreFixtures.KEY)) {
            store.write(page("email_list:alice:folder=inbox", "inbox", "a"));
            store.write(new StoredEntry(
                    "email_get:alice:message_id=m1", "alice", "email_get", new byte[] {1}, CREATED, CREATED, null));

            assertThat(store.entries().of("alice", "email_list"))
                    .extracting(StoredEntry::key)
                    .containsExactly("email_list:alice:folder=inbox");
            assertThat(store.entries().of("alice", "email_get")).hasSize(1);
            assertThat(store.entries().of("bob", "email_list")).isEmpty();
        }
    }
}
