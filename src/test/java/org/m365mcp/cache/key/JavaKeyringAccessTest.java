package org.m365mcp.cache.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs against the real OS keyring under a throwaway service name.
 *
 * <p>With {@code M365_MCP_REQUIRE_KEYRING=true} (CI, under {@code .ci/with-keyring}) a missing
 * keyring fails the tests; otherwise they are skipped.
 */
class JavaKeyringAccessTest {

    private static final boolean REQUIRED = "true".equalsIgnoreCase(System.getenv("M365_MCP_REQUIRE_KEYRING"));

    private final String service = "m365-mcp-test-" + UUID.randomUUID();
    private JavaKeyringAccess keyring;

    @BeforeEach
    void connect() {
        keyring = new JavaKeyringAccess(service, EncryptionKeyResolver.KEYRING_USER);
    }

    @AfterEach
    void cleanUp() {
        keyring.delete();
        keyring.close();
    }

    @Test
    void write_thenRead_returnsSameSecret() {
        requireKeyring();

        assertThat(keyring.write("secret-under-test")).isTrue();

        assertThat(keyring.read()).contains("secret-under-test");
    }

    @Test
    void read_noEntry_returnsEmpty() {
        requireKeyring();

        assertThat(keyring.read()).isEmpty();
    }

    @Test
    void write_twice_replacesSecret() {
        requireKeyring();

        keyring.write("first");
        keyring.write("second");

        assertThat(keyring.read()).contains("second");
    }

    @Test
    void resolve_realKeyring_generatedKeyIsStoredAndReadBackNextTime() {
        requireKeyring();

        ResolvedKey first = new EncryptionKeyResolver(keyring, name -> null, new SecureRandom()).resolve();
        try (JavaKeyringAccess again = new JavaKeyringAccess(service, EncryptionKeyResolver.KEYRING_USER)) {
            ResolvedKey second = new EncryptionKeyResolver(again, name -> null, new SecureRandom()).resolve();

            assertThat(first.source()).isEqualTo(KeySource.GENERATED_AND_STORED);
            assertThat(second.source()).isEqualTo(KeySource.KEYRING);
            assertThat(second.key()).isEqualTo(first.key());
        }
    }

    @Test
    void isAvailable_noDbusSession_isFalseWithoutConnecting() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "Linux only");
        try (JavaKeyringAccess noBus = new JavaKeyringAccess(service, "user", Duration.ofSeconds(5), name -> null)) {

            assertThat(noBus.isAvailable()).isFalse();
            assertThat(noBus.read()).isEmpty();
            assertThat(noBus.write("x")).isFalse();
        }
    }

    private void requireKeyring() {
        if (keyring.isAvailable()) {
            return;
        }
        if (REQUIRED) {
            fail("M365_MCP_REQUIRE_KEYRING=true but no OS keyring is reachable (run under .ci/with-keyring)");
        }
        assumeTrue(false, "No OS keyring reachable; set M365_MCP_REQUIRE_KEYRING=true to make this fail");
    }
}
