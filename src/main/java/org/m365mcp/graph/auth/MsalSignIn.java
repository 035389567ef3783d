package org.m365mcp.graph.auth;

import static org.m365mcp.graph.auth.MsalFailures.describe;
import static org.m365mcp.graph.auth.MsalFailures.unwrap;

import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSocketFactory;
import org.m365mcp.graph.GraphException;

/**
 * Microsoft sign-in with MSAL4J's public client: device-code flow, silent token refresh, several
 * accounts side by side, and MSAL's token cache kept in a {@link TokenCacheVault}.
 *
 * <ul>
 *   <li>An account's id is its sign-in name in lower case ({@code adele@contoso.com}).
 *   <li>{@link #accessToken} returns MSAL's cached access token while it is valid and otherwise
 *       refreshes it with the refresh token; when that is impossible the account must sign in
 *       again and a 401 {@link GraphException} says so.
 *   <li>At most {@value #MAX_PENDING} device-code sign-ins wait at once ({@link DeviceCodeSignIns}); one
 *       that expired is forgotten. A sign-in the user finishes is saved even if nobody asks for its outcome.
 *   <li>No token or code verifier is ever logged or put into a message; MSAL's PII logging stays off.
 *   <li>Thread-safe.
 * </ul>
 */
public final class MsalSignIn implements SignIn {

    /** Device-code sign-ins that may wait for their user at the same time. */
    static final int MAX_PENDING = DeviceCodeSignIns.MAX_PENDING;

    private final PublicClientApplication app;
    private final PersistentTokenCache tokenCache;
    private final Set<String> scopes;
    private final Duration timeout;
    private final URI authority;
    private final DeviceCodeSignIns deviceCodes;
    private volatile KnownAccounts known = new KnownAccounts(-1, List.of());

    private MsalSignIn(
            PublicClientApplication app, PersistentTokenCache tokenCache, AuthSettings settings, Clock clock) {
        this.app = app;
        this.tokenCache = tokenCache;
        this.scopes = new LinkedHashSet<>(settings.scopes());
        this.timeout = settings.timeout();
        this.authority = settings.authority();
        this.deviceCodes = new DeviceCodeSignIns(app, scopes, timeout, clock, this::toAccount);
    }

    /**
     * A sign-in for {@code settings}'s app registration.
     *
     * @param executor runs MSAL's calls, including each waiting device-code sign-in's polling
     * @param tls      trusts the sign-in service's certificate when it is not one the JVM trusts
     *                 (a private CA); empty for the JVM's own trust store
     */
    public static MsalSignIn create(
            AuthSettings settings,
            TokenCacheVault vault,
            ExecutorService executor,
            Optional<SSLSocketFactory> tls,
            Clock clock) {
        Objects.requireNonNull(settings, "settings");
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
        PersistentTokenCache tokenCache = new PersistentTokenCache(vault);
        PublicClientApplication.Builder builder = PublicClientApplication.builder(settings.clientId())
                .setTokenCacheAccessAspect(tokenCache)
                .executorService(Objects.requireNonNull(executor, "executor"))
                .connectTimeoutForDefaultHttpClient(timeoutMs)
                .readTimeoutForDefaultHttpClient(timeoutMs)
                .logPii(false);
        try {
            builder.authority(settings.authority().toString());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Invalid authority " + settings.authority(), e);
        }
        if (!settings.microsoftHost()) {
            builder.validateAuthority(false).instanceDiscovery(false);
        }
        tls.ifPresent(builder::sslSocketFactory);
        return new MsalSignIn(builder.build(), tokenCache, settings, Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public boolean sandbox() {
        return false;
    }

    @Override
    public Optional<URI> authority() {
        return Optional.of(authority);
    }

    @Override
    public List<SignedInAccount> accounts() {
        return msalAccounts().stream()
                .map(this::toAccount)
                .sorted(Comparator.comparing(SignedInAccount::id))
                .toList();
    }

    @Override
    public DeviceCodePrompt startDeviceCode() {
        return deviceCodes.start();
    }

    @Override
    public SignInAttempt awaitDeviceCode(String userCode, Duration wait) {
        return deviceCodes.await(userCode, wait);
    }

    @Override
    public boolean signOut(String accountId) {
        Optional<IAccount> account = find(accountId);
        account.ifPresent(a -> join(app.removeAccount(a), "sign out"));
        return account.isPresent();
    }

    @Override
    public String accessToken(String accountId) {
        IAccount account = find(accountId)
                .orElseThrow(() -> new GraphException(
                        401,
                        "AccountNotSignedIn",
                        "Account '" + accountId + "' is not signed in; call account_authenticate to sign in."));
        try {
            // The authority again: else MSAL rebuilds it from the account's environment, which drops a port.
            return app.acquireTokenSilently(SilentParameters.builder(scopes, account)
                            .authorityUrl(authority.toString())
                            .build())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .accessToken();
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e.getCause());
            if (cause instanceof MsalInteractionRequiredException) {
                throw new GraphException(
                        401,
                        "InteractionRequired",
                        "Account '" + accountId + "' must sign in again (call account_authenticate): "
                                + describe(cause));
            }
            throw new GraphException(
                    401,
                    cause instanceof MsalException msal && msal.errorCode() != null
                            ? msal.errorCode()
                            : "TokenUnavailable",
                    "Could not get a token for '" + accountId + "': " + describe(cause));
        } catch (MalformedURLException e) {
            throw new IllegalStateException("The authority was valid when the app was built", e);
        } catch (TimeoutException e) {
            throw new GraphException(
                    0,
                    "SignInTimeout",
                    "The sign-in service did not answer within " + timeout.toSeconds()
                            + " s while refreshing the token of '" + accountId + "'");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException(0, "Interrupted", "Interrupted while getting a token for '" + accountId + "'");
        }
    }

    /**
     * MSAL's accounts, listed again only after the token cache changed: listing costs an executor hop
     * and a cache scan, and every tool call and every Graph page needs the account.
     */
    private List<IAccount> msalAccounts() {
        KnownAccounts current = known;
        long changes = tokenCache.changes();
        if (current.changes() == changes) {
            return current.accounts();
        }
        List<IAccount> listed = List.copyOf(join(app.getAccounts(), "list accounts"));
        known = new KnownAccounts(changes, listed);
        return listed;
    }

    /** The accounts listed when the token cache had changed {@code changes} times. */
    private record KnownAccounts(long changes, List<IAccount> accounts) {}

    /** How often MSAL has opened the token cache; see {@link PersistentTokenCache#accesses()}. */
    long tokenCacheAccesses() {
        return tokenCache.accesses();
    }

    private Optional<IAccount> find(String accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        return msalAccounts().stream()
                .filter(a -> idOf(a).equals(accountId.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    private <T> T join(Future<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new SignInException("Could not " + what + ": " + describe(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new SignInException("Could not " + what + " within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException("Interrupted while trying to " + what);
        }
    }

    private static String idOf(IAccount account) {
        String name = account.username() == null || account.username().isBlank()
                ? account.homeAccountId()
                : account.username();
        return name.toLowerCase(Locale.ROOT);
    }

    /** Our view of an MSAL account, its display name read from the cached id token. */
    private SignedInAccount toAccount(IAccount account) {
        String homeAccountId = account.homeAccountId() == null ? "" : account.homeAccountId();
        int dot = homeAccountId.indexOf('.');
        String tenantId = dot < 0 ? null : homeAccountId.substring(dot + 1);
        String username = account.username() == null ? idOf(account) : account.username();
        return new SignedInAccount(
                idOf(account), username, tokenCache.displayName(homeAccountId).orElse(null), tenantId);
    }
}
