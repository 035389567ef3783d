package org.m365mcp.graph.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mcp.cache.key.CacheKey;
import org.m365mcp.cache.store.CacheStore;
import org.m365mcp.cache.store.LiveStore;
import org.m365mcp.cache.store.StoreSettings;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;
import org.m365mcp.graph.GraphSettings;
import org.m365mcp.sandbox.SandboxServer;
import org.m365mcp.sandbox.login.GrantType;
import org.m365mcp.sandbox.login.SandboxLogin;

/**
 * The real MSAL4J device-code flow, end to end over HTTPS against the sandbox's emulation of the
 * identity platform, with the token cache in a real SQLCipher file and Graph calls made with the
 * tokens it hands out.
 */
class MsalSignInTest {

    private static final CacheKey KEY = CacheKey.of("msal-sign-in-test-passphrase-0123456789");
    private static final String ADELE = "adele.vance@contoso.sandbox";
    private static final String MEGAN = "megan.bowen@contoso.sandbox";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private SandboxServer sandbox;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<LiveStore> stores = new ArrayList<>();

    @BeforeEach
    void start() {
        sandbox = SandboxServer.startHttps();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        stores.forEach(LiveStore::close);
        sandbox.close();
    }

    private Path cacheFile() {
        return dir.resolve("cache.db");
    }

    /** A sign-in whose token cache lives in the SQLCipher file {@link #cacheFile()}. */
    private MsalSignIn signIn(RecordingVault vault) {
        AuthSettings settings = new AuthSettings(
                "sandbox-client", sandbox.authority(), List.of("User.Read", "Mail.ReadWrite"), Duration.ofSeconds(10));
        return MsalSignIn.create(settings, vault, executor, Optional.of(sandbox.sslSocketFactory()), Clock.systemUTC());
    }

    private RecordingVault vault() {
        LiveStore store = LiveStore.of(CacheStore.open(StoreSettings.defaults(cacheFile()), KEY));
        stores.add(store);
        return new RecordingVault(store);
    }

    private void closeStores() {
        stores.forEach(LiveStore::close);
        stores.clear();
    }

    private GraphClient graph(SignIn signIn) {
        HttpClient http =
                HttpClient.newBuilder().sslContext(sandbox.sslContext()).build();
        return new GraphClient(new GraphSettings(sandbox.graphRoot(), Duration.ofSeconds(10), 0), signIn, http);
    }

    /** Runs a whole device-code sign-in, the user approving as {@code username} on the device page. */
    private SignInAttempt signInAs(MsalSignIn signIn, String username) {
        DeviceCodePrompt prompt = signIn.startDeviceCode();
        assertThat(sandbox.approveDeviceCode(prompt.userCode(), username).statusCode())
                .isEqualTo(200);
        return signIn.awaitDeviceCode(prompt.userCode(), WAIT);
    }

    @Test
    void deviceCode_userApprovesOnTheDevicePage_signsInAndTheTokenWorksAgainstGraph() {
        MsalSignIn signIn = signIn(vault());

        DeviceCodePrompt prompt = signIn.startDeviceCode();
        assertThat(prompt.verificationUri()).startsWith(sandbox.authority().toString());
        assertThat(prompt.message()).contains(prompt.userCode()).contains(prompt.verificationUri());
        assertThat(signIn.awaitDeviceCode(prompt.userCode(), Duration.ZERO).status())
                .isEqualTo(SignInAttempt.Status.PENDING);
        assertThat(signIn.accounts()).isEmpty();

        sandbox.approveDeviceCode(prompt.userCode(), ADELE);
        SignInAttempt attempt = signIn.awaitDeviceCode(prompt.userCode(), WAIT);

        assertThat(attempt.status()).isEqualTo(SignInAttempt.Status.SIGNED_IN);
        assertThat(attempt.account())
                .isEqualTo(new SignedInAccount(ADELE, ADELE, "Adele Vance", SandboxLogin.TENANT_ID));
        assertThat(signIn.accounts()).containsExactly(attempt.account());
        assertThat(graph(signIn).get(ADELE, "/me").path("mail").asText()).isEqualTo(ADELE);
        assertThat(signIn.awaitDeviceCode(prompt.userCode(), Duration.ZERO).status())
                .as("a finished sign-in is forgotten")
                .isEqualTo(SignInAttempt.Status.UNKNOWN);
    }

    @Test
    void twoAccounts_signedInSideBySide_eachCallsGraphAsItself() {
        MsalSignIn signIn = signIn(vault());

        signInAs(signIn, MEGAN);
        signInAs(signIn, ADELE);

        assertThat(signIn.accounts()).extracting(SignedInAccount::id).containsExactly(ADELE, MEGAN);
        GraphClient graph = graph(signIn);
        assertThat(graph.get(ADELE, "/me").path("displayName").asText()).isEqualTo("Adele Vance");
        assertThat(graph.get(MEGAN, "/me").path("displayName").asText()).isEqualTo("Megan Bowen");
        assertThat(signIn.accessToken(ADELE)).isNotEqualTo(signIn.accessToken(MEGAN));
    }

    @Test
    void accountLookups_readTheTokenCacheOnlyAfterItChanged() {
        MsalSignIn signIn = signIn(vault());
        signInAs(signIn, ADELE);
        signIn.accounts();
        long accesses = signIn.tokenCacheAccesses();

        for (int i = 0; i < 10; i++) {
            assertThat(signIn.accounts()).extracting(SignedInAccount::id).containsExactly(ADELE);
        }
        assertThat(signIn.tokenCacheAccesses()).as("no change, no new listing").isEqualTo(accesses);

        signInAs(signIn, MEGAN);
        assertThat(signIn.accounts()).extracting(SignedInAccount::id).containsExactly(ADELE, MEGAN);
        signIn.signOut(ADELE);
        assertThat(signIn.accounts()).extracting(SignedInAccount::id).containsExactly(MEGAN);
    }

    @Test
    void declinedOrUnknownCode_isReportedAsSuch() {
        MsalSignIn signIn = signIn(vault());
        DeviceCodePrompt prompt = signIn.startDeviceCode();

        sandbox.declineDeviceCode(prompt.userCode());

        assertThat(signIn.awaitDeviceCode(prompt.userCode(), WAIT).status()).isEqualTo(SignInAttempt.Status.DECLINED);
        assertThat(signIn.awaitDeviceCode("NOSUCHCODE", Duration.ZERO).status())
                .isEqualTo(SignInAttempt.Status.UNKNOWN);
        assertThat(signIn.accounts()).isEmpty();
    }

    @Test
    void tokenCacheOnDisk_isEncrypted_noTokenNorUserNameInTheFile() throws IOException {
        RecordingVault vault = vault();
        MsalSignIn signIn = signIn(vault);
        signInAs(signIn, ADELE);
        signIn.accessToken(ADELE);

        List<String> secrets = secrets(vault.lastSaved());
        assertThat(secrets)
                .as("access, refresh and id token were saved")
                .hasSizeGreaterThanOrEqualTo(3)
                .contains(signIn.accessToken(ADELE));
        byte[] onDisk = filesOnDisk();
        for (String secret : secrets) {
            assertThat(contains(onDisk, secret))
                    .as("a token in plain text on disk")
                    .isFalse();
        }
        assertThat(contains(onDisk, ADELE))
                .as("the user name in plain text on disk")
                .isFalse();
        assertThat(contains(vault.lastSaved().getBytes(StandardCharsets.UTF_8), ADELE))
                .as("the search itself can find what is there")
                .isTrue();
    }

    @Test
    void restart_keepsTheAccounts_andRefreshesTheirTokensSilently() {
        sandbox.login().updateSettings(settings -> settings.withAccessTokenLifetime(Duration.ofSeconds(60)));
        signInAs(signIn(vault()), ADELE);
        closeStores();
        long refreshes = sandbox.login().counters().grants(GrantType.REFRESH_TOKEN);

        MsalSignIn restarted = signIn(vault());

        assertThat(restarted.accounts()).extracting(SignedInAccount::id).containsExactly(ADELE);
        assertThat(graph(restarted).get(ADELE, "/me").path("mail").asText()).isEqualTo(ADELE);
        assertThat(sandbox.login().counters().grants(GrantType.REFRESH_TOKEN))
                .as("a token about to expire was refreshed with the saved refresh token")
                .isGreaterThan(refreshes);
    }

    @Test
    void signOut_removesThatAccountsTokens_andKeepsTheOther() {
        RecordingVault vault = vault();
        MsalSignIn signIn = signIn(vault);
        signInAs(signIn, ADELE);
        signInAs(signIn, MEGAN);

        assertThat(signIn.signOut(ADELE.toUpperCase())).isTrue();

        assertThat(signIn.accounts()).extracting(SignedInAccount::id).containsExactly(MEGAN);
        assertThatThrownBy(() -> signIn.accessToken(ADELE))
                .isInstanceOf(GraphException.class)
                .hasMessageContaining("not signed in")
                .extracting(e -> ((GraphException) e).status())
                .isEqualTo(401);
        assertThat(vault.lastSaved()).doesNotContain(ADELE).contains(MEGAN);
        assertThat(signIn.signOut(ADELE)).isFalse();
        closeStores();
        MsalSignIn restarted = signIn(vault());
        assertThat(restarted.accounts()).extracting(SignedInAccount::id).containsExactly(MEGAN);
        assertThat(graph(restarted).get(MEGAN, "/me").path("mail").asText()).isEqualTo(MEGAN);
    }

    @Test
    void refreshTokenNoLongerValid_asksTheAccountToSignInAgain() {
        MsalSignIn signIn = signIn(vault());
        signInAs(signIn, ADELE);
        sandbox.login().updateSettings(settings -> settings.withAccessTokenLifetime(Duration.ofSeconds(60)));
        signInAs(signIn, MEGAN); // Megan's token is short-lived: the next call needs a refresh
        sandbox.login().reset(); // the identity platform forgets every refresh token

        assertThatThrownBy(() -> signIn.accessToken(MEGAN))
                .isInstanceOf(GraphException.class)
                .hasMessageContaining("must sign in again")
                .hasMessageContaining("account_authenticate")
                .extracting(e -> ((GraphException) e).code())
                .isEqualTo("InteractionRequired");
    }

    @Test
    void tooManySignInsWaiting_theNextIsRefused() {
        MsalSignIn signIn = signIn(vault());
        for (int i = 0; i < MsalSignIn.MAX_PENDING; i++) {
            signIn.startDeviceCode();
        }

        assertThatThrownBy(signIn::startDeviceCode)
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("already waiting");
    }

    @Test
    void unknownAccount_getsA401NamingTheAccount() {
        assertThatThrownBy(() -> signIn(vault()).accessToken("nobody@contoso.sandbox"))
                .isInstanceOf(GraphException.class)
                .hasMessageContaining("'nobody@contoso.sandbox' is not signed in");
    }

    private static List<String> secrets(String serializedCache) throws IOException {
        List<String> secrets = new ArrayList<>();
        for (JsonNode section : JSON.readTree(serializedCache)) {
            for (JsonNode credential : section) {
                if (credential.hasNonNull("secret")) {
                    secrets.add(credential.get("secret").asText());
                }
            }
        }
        return secrets;
    }

    /** The database file and its write-ahead log, as bytes. */
    private byte[] filesOnDisk() throws IOException {
        byte[] db = Files.readAllBytes(cacheFile());
        Path wal = Path.of(cacheFile() + "-wal");
        byte[] log = Files.exists(wal) ? Files.readAllBytes(wal) : new byte[0];
        byte[] all = new byte[db.length + log.length];
        System.arraycopy(db, 0, all, 0, db.length);
        System.arraycopy(log, 0, all, db.length, log.length);
        return all;
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Keeps the token cache in the store's credentials table, remembering the last document saved. */
    private static final class RecordingVault implements TokenCacheVault {

        private final LiveStore store;
        private volatile String lastSaved;

        RecordingVault(LiveStore store) {
            this.store = store;
        }

        String lastSaved() {
            return lastSaved;
        }

        @Override
        public Optional<String> load() {
            return store.apply(s -> s.credentials().load("msal")).map(data -> new String(data, StandardCharsets.UTF_8));
        }

        @Override
        public void save(String serializedCache) {
            lastSaved = serializedCache;
            store.apply(s -> {
                s.credentials().save("msal", serializedCache.getBytes(StandardCharsets.UTF_8));
                return null;
            });
        }
    }
}
