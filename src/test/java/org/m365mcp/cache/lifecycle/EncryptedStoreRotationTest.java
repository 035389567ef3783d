package org.m365mcp.cache.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mcp.cache.key.CacheKey;
import org.m365mcp.cache.key.InMemoryKeyring;
import org.m365mcp.cache.key.KeySource;
import org.m365mcp.cache.key.KeyringAccess;
import org.m365mcp.cache.key.LogCapture;
import org.m365mcp.cache.key.NoKeyring;
import org.m365mcp.cache.key.ResolvedKey;
import org.m365mcp.cache.lifecycle.KeyRotationException.Reason;
import org.m365mcp.cache.store.CacheStore;
import org.m365mcp.cache.store.StoredEntry;

/** Key rotation of the live store, by where the key came from, against real SQLCipher files. */
class EncryptedStoreRotationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T05:36:00Z"), ZoneOffset.UTC);
    private static final String KEYRING_KEY = "keyring-key-0123456789abcdef0123456789";
    private static final String ENVIRONMENT_KEY = "environment-key-0123456789abcdef01234567";
    private static final String SUPPLIED_KEY = "operator-supplied-key-0123456789abcdef";

    @TempDir
    Path dir;

    private EncryptedStore encryptedStore;

    @AfterEach
    void close() {
        if (encryptedStore != null) {
            encryptedStore.close();
        }
    }

    private EncryptedStore open(KeyringAccess keyring, Function<String, String> environment) {
        EncryptedStore store = new EncryptedStore();
        store.databasePath = dir.resolve("cache.db").toString();
        store.clock = CLOCK;
        store.limits = new StoreLimitsConfig();
        store.open(keyring, environment);
        return store;
    }

    private static Function<String, String> environment(String key) {
        return Map.of("M365_MCP_CACHE_KEY", key)::get;
    }

    private void write(String key) {
        encryptedStore
                .store()
                .orElseThrow()
                .apply(store -> store.write(new StoredEntry(
                        key,
                        "account-1",
                        "email_list",
                        key.getBytes(StandardCharsets.UTF_8),
                        CLOCK.instant(),
                        CLOCK.instant().plusSeconds(60),
                        null)));
    }

    private Optional<StoredEntry> read(EncryptedStore from, String key) {
        return from.store().orElseThrow().apply(store -> store.read(key));
    }

    private static String secret(InMemoryKeyring keyring) {
        return keyring.read().orElseThrow();
    }

    @Test
    void rotateKey_keyringKey_storesANewKeyThereAndTheStoreKeepsServing() {
        InMemoryKeyring keyring = InMemoryKeyring.holding(KEYRING_KEY);
        encryptedStore = open(keyring, name -> null);
        write("before");

        ResolvedKey rotated = encryptedStore.rotateKey(Optional.empty());

        assertThat(rotated.source()).isEqualTo(KeySource.KEYRING);
        assertThat(secret(keyring))
                .isNotEqualTo(KEYRING_KEY)
                .isEqualTo(rotated.key().secret())
                .hasSize(44);
        assertThat(encryptedStore.key()).contains(rotated);
        assertThat(read(encryptedStore, "before")).isPresent();
        write("after");
        encryptedStore.close();
        encryptedStore = open(keyring, name -> null);
        assertThat(read(encryptedStore, "before"))
                .as("the next start opens with the keyring's key")
                .isPresent();
        assertThat(read(encryptedStore, "after")).isPresent();
    }

    @Test
    void rotateKey_generatedKeyStoredInKeyring_rotatesLikeAKeyringKey() {
        InMemoryKeyring keyring = new InMemoryKeyring(true);
        encryptedStore = open(keyring, name -> null);
        assertThat(encryptedStore.key().orElseThrow().source()).isEqualTo(KeySource.GENERATED_AND_STORED);
        String generated = secret(keyring);

        assertThat(encryptedStore.rotateKey(Optional.empty()).source()).isEqualTo(KeySource.KEYRING);

        assertThat(secret(keyring)).isNotEqualTo(generated);
    }

    @Test
    void rotateKey_keyringKeyWithSuppliedKey_isRefusedAndNothingChanges() {
        InMemoryKeyring keyring = InMemoryKeyring.holding(KEYRING_KEY);
        encryptedStore = open(keyring, name -> null);

        assertThatThrownBy(() -> encryptedStore.rotateKey(Optional.of(CacheKey.of(SUPPLIED_KEY))))
                .isInstanceOfSatisfying(
                        KeyRotationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.KEY_NOT_ACCEPTED))
                .hasMessageNotContaining(SUPPLIED_KEY);

        assertThat(secret(keyring)).isEqualTo(KEYRING_KEY);
    }

    @Test
    void rotateKey_keyringRefusesTheNewKey_failsAndKeepsTheCurrentKeyAndEntries() {
        InMemoryKeyring keyring = InMemoryKeyring.readOnly(KEYRING_KEY);
        encryptedStore = open(keyring, name -> null);
        write("before");

        assertThatThrownBy(() -> encryptedStore.rotateKey(Optional.empty()))
                .isInstanceOfSatisfying(
                        KeyRotationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED))
                .hasMessageContaining("keyring did not store the new key");

        assertThat(secret(keyring)).isEqualTo(KEYRING_KEY);
        assertThat(encryptedStore.key().orElseThrow().key()).isEqualTo(CacheKey.of(KEYRING_KEY));
        assertThat(read(encryptedStore, "before")).isPresent();
        assertThat(dir.resolve("cache.db.rekeyed")).doesNotExist();
    }

    @Test
    void rotateKey_environmentKeyWithoutSuppliedKey_isRefusedWithTheManualProcedure() {
        encryptedStore = open(new NoKeyring(), environment(ENVIRONMENT_KEY));

        assertThatThrownBy(() -> encryptedStore.rotateKey(Optional.empty()))
                .isInstanceOfSatisfying(
                        KeyRotationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NEEDS_SUPPLIED_KEY))
                .hasMessageContaining("M365_MCP_CACHE_KEY")
                .hasMessageContaining("new_key")
                .hasMessageContaining("docs/security.md")
                .hasMessageNotContaining(ENVIRONMENT_KEY);
    }

    @Test
    void rotateKey_environmentKeyWithSuppliedKey_rekeysToItForTheNextStart() {
        encryptedStore = open(new NoKeyring(), environment(ENVIRONMENT_KEY));
        write("before");

        try (LogCapture logs = LogCapture.of("org.m365mcp")) {
            ResolvedKey rotated = encryptedStore.rotateKey(Optional.of(CacheKey.of(SUPPLIED_KEY)));

            assertThat(rotated).isEqualTo(new ResolvedKey(CacheKey.of(SUPPLIED_KEY), KeySource.ENVIRONMENT));
            assertThat(logs.allText()).contains("Set M365_MCP_CACHE_KEY").doesNotContain(SUPPLIED_KEY, ENVIRONMENT_KEY);
        }
        assertThat(read(encryptedStore, "before")).isPresent();
        encryptedStore.close();
        encryptedStore = open(new NoKeyring(), environment(SUPPLIED_KEY));
        assertThat(read(encryptedStore, "before")).isPresent();
    }

    @Test
    void rotateKey_suppliedKeyShorterThan32Characters_isRefused() {
        encryptedStore = open(new NoKeyring(), environment(ENVIRONMENT_KEY));

        assertThatThrownBy(() -> encryptedStore.rotateKey(Optional.of(CacheKey.of("x".repeat(31)))))
                .isInstanceOfSatisfying(
                        KeyRotationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.KEY_NOT_ACCEPTED))
                .hasMessageContaining("at least 32 characters");
        assertThat(encryptedStore
                        .rotateKey(Optional.of(CacheKey.of("x".repeat(32))))
                        .source())
                .isEqualTo(KeySource.ENVIRONMENT);
    }

    @Test
    void rotateKey_suppliedKeyIsTheCurrentKey_isRefused() {
        encryptedStore = open(new NoKeyring(), environment(ENVIRONMENT_KEY));

        assertThatThrownBy(() -> encryptedStore.rotateKey(Optional.of(CacheKey.of(ENVIRONMENT_KEY))))
                .isInstanceOfSatisfying(
                        KeyRotationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.KEY_NOT_ACCEPTED));
    }

    @Test
    void rotateKey_temporaryKey_isRefused() {
        encryptedStore = open(new NoKeyring(), name -> null);

        assertThatThrownBy(() -> encryptedStore.rotateKey(Optional.empty()))
                .isInstanceOfSatisfying(
                        KeyRotationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TEMPORARY_KEY));
    }

    @Test
    void rotateKey_storeCouldNotOpen_isNotOpen() throws Exception {
        Files.createDirectory(dir.resolve("cache.db"));
        encryptedStore = open(InMemoryKeyring.holding(KEYRING_KEY), name -> null);
        assertThat(encryptedStore.store()).isEmpty();

        assertThatThrownBy(() -> encryptedStore.rotateKey(Optional.empty()))
                .isInstanceOfSatisfying(
                        KeyRotationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_OPEN));
    }

    @Test
    void store_afterRotation_summaryCountsTheSameEntries() {
        encryptedStore = open(InMemoryKeyring.holding(KEYRING_KEY), name -> null);
        write("a");
        write("b");

        encryptedStore.rotateKey(Optional.empty());

        assertThat(encryptedStore
                        .store()
                        .orElseThrow()
                        .apply(CacheStore::summary)
                        .entries())
                .isEqualTo(2);
    }
}
