package org.m365mcp.cache.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @TempDir
    Path dir;

    @Test
    void save_thenLoadAfterReopen_returnsTheLatestDocument() {
        Path file = dir.resolve("cache.db");
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), StoreFixtures.KEY)) {
            store.credentials().save("msal", "first".getBytes(UTF_8));
            store.credentials().save("msal", "second".getBytes(UTF_8));
        }
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), StoreFixtures.KEY)) {
            assertThat(store.credentials().load("msal"))
                    .hasValueSatisfying(
                            data -> assertThat(new String(data, UTF_8)).isEqualTo("second"));
            assertThat(store.credentials().load("other")).isEmpty();
        }
    }

    @Test
    void remove_deletesOnlyThatName_andSaysWhetherThereWasOne() {
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(dir.resolve("cache.db")), StoreFixtures.KEY)) {
            store.credentials().save("a", new byte[] {1});
            store.credentials().save("b", new byte[] {2});

            assertThat(store.credentials().remove("a")).isTrue();
            assertThat(store.credentials().remove("a")).isFalse();
            assertThat(store.credentials().load("a")).isEmpty();
            assertThat(store.credentials().load("b"))
                    .hasValueSatisfying(data -> assertThat(data).containsExactly(2));
        }
    }

    @Test
    void clearingTheCache_leavesCredentialsAlone() {
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(dir.resolve("cache.db")), StoreFixtures.KEY)) {
            store.credentials().save("msal", new byte[] {7});

            store.deleteAll();
            store.deleteAccount("someone");

            assertThat(store.credentials().load("msal")).isPresent();
        }
    }
}
