package org.m365mcp.cache.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EncryptionKeyResolverTest {

    private static final String KEYRING_SECRET = "keyring-secret-value-123";
    private static final String ENV_SECRET = "environment-secret-value-456";
    private static final Function<String, String> NO_ENV = name -> null;
    private static final Function<String, String> ENV = Map.of("M365_MCP_CACHE_KEY", ENV_SECRET)::get;

    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.of("org.m365mcp.cache.key");
    }

    @AfterEach
    void stopCapturing() {
        logs.close();
    }

    @Test
    void resolve_keyringAndEnvironment_keyringWins() {
        ResolvedKey resolved =
                resolver(InMemoryKeyring.holding(KEYRING_SECRET), ENV).resolve();

        assertThat(resolved.source()).isEqualTo(KeySource.KEYRING);
        assertThat(resolved.key().secret()).isEqualTo(KEYRING_SECRET);
        assertThat(resolved.survivesRestart()).isTrue();
    }

    @Test
    void resolve_emptyKeyring_usesEnvironment() {
        InMemoryKeyring keyring = new InMemoryKeyring(true);

        ResolvedKey resolved = resolver(keyring, ENV).resolve();

        assertThat(resolved.source()).isEqualTo(KeySource.ENVIRONMENT);
        assertThat(resolved.key().secret()).isEqualTo(ENV_SECRET);
        assertThat(keyring.writes)
                .as("environment key is not copied into the keyring")
                .isZero();
    }

    @Test
    void resolve_blankEnvironment_generates() {
        ResolvedKey resolved = resolver(new InMemoryKeyring(true), name -> "  ").resolve();

        assertThat(resolved.source()).isEqualTo(KeySource.GENERATED_AND_STORED);
    }

    @Test
    void resolve_nothingStored_generatesAndStoresKeyThatIsReadBackNextTime() {
        InMemoryKeyring keyring = new InMemoryKeyring(true);

        ResolvedKey first = resolver(keyring, NO_ENV).resolve();
        ResolvedKey second = resolver(keyring, NO_ENV).resolve();

        assertThat(first.source()).isEqualTo(KeySource.GENERATED_AND_STORED);
        assertThat(first.survivesRestart()).isTrue();
        assertThat(second.source()).isEqualTo(KeySource.KEYRING);
        assertThat(second.key()).isEqualTo(first.key());
    }

    @Test
    void resolve_noKeyringNoEnvironment_isEphemeralWithAdvice() {
        ResolvedKey resolved = resolver(new NoKeyring(), NO_ENV).resolve();

        assertThat(resolved.source()).isEqualTo(KeySource.GENERATED_EPHEMERAL);
        assertThat(resolved.survivesRestart()).isFalse();
        assertThat(resolved.advice()).contains("will NOT survive a restart", "gnome-keyring", "M365_MCP_CACHE_KEY");
        assertThat(logs.messagesAt(Level.WARNING)).containsExactly(resolved.advice());
    }

    @Test
    void resolve_keyringDropsWrittenKey_isEphemeral() {
        KeyringAccess forgetful = new KeyringAccess() {
            @Override
            public boolean isAvailable() {
                return true;
            }

            @Override
            public java.util.Optional<String> read() {
                return java.util.Optional.empty();
            }

            @Override
            public boolean write(String secret) {
                return true;
            }
        };

        assertThat(resolver(forgetful, NO_ENV).resolve().source()).isEqualTo(KeySource.GENERATED_EPHEMERAL);
    }

    @Test
    void resolve_anySource_neverLogsOrShowsTheKey() {
        ResolvedKey fromKeyring =
                resolver(InMemoryKeyring.holding(KEYRING_SECRET), NO_ENV).resolve();
        ResolvedKey fromEnv = resolver(new NoKeyring(), ENV).resolve();
        ResolvedKey stored = resolver(new InMemoryKeyring(true), NO_ENV).resolve();
        ResolvedKey ephemeral = resolver(new NoKeyring(), NO_ENV).resolve();

        for (ResolvedKey resolved : new ResolvedKey[] {fromKeyring, fromEnv, stored, ephemeral}) {
            String secret = resolved.key().secret();
            assertThat(logs.allText()).doesNotContain(secret);
            assertThat(resolved.advice()).doesNotContain(secret);
            assertThat(resolved.toString()).doesNotContain(secret);
        }
        assertThat(logs.messages()).hasSizeGreaterThanOrEqualTo(4);
    }

    private static EncryptionKeyResolver resolver(KeyringAccess keyring, Function<String, String> env) {
        return new EncryptionKeyResolver(keyring, env, new SecureRandom());
    }
}
