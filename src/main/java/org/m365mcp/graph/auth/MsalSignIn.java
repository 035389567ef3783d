package org.m365mcp.graph.auth;

import com.microsoft.aad.msal4j.DeviceCode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
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
 *   <li>At most {@value #MAX_PENDING} device-code sign-ins wait at once; one that expired is
 *       forgotten. A sign-in the user finishes is saved even if nobody asks for its outcome.
 *   <li>No token or code verifier is ever logged or put into a message; MSAL's PII logging stays off.
 *   <li>Thread-safe.
 * </ul>
 */
public final class MsalSignIn implements SignIn {

    /** Device-code sign-ins that may wait for their user at the same time. */
    static final int MAX_PENDING = 5;

    private final PublicClientApplication app;
    private final PersistentTokenCache tokenCache;
    private final Set<String> scopes;
    private final Duration timeout;
    private final Clock clock;
    private final URI authority;
    private final Map<String, PendingSignIn> pending = new ConcurrentHashMap<>();
    private volatile KnownAccounts known = new KnownAccounts(-1, List.of());

    private MsalSignIn(PublicClientApplication app, PersistentTokenCache tokenCache, AuthSettings settings,
            Clock clock) {
        this.app = app;
        this.tokenCache = tokenCache;
        this.scopes = new LinkedHashSet<>(settings.scopes());
        this.timeout = settings.timeout();
        this.clock = clock;
        this.authority = settings.authority();
    }

    /**
     * A sign-in for {@code settings}'s app registration.
     *
     * @param executor runs MSAL's calls, including each waiting device-code sign-in's polling
     * @param tls      trusts the sign-in service's certificate when it is not one the JVM trusts
     *                 (a private CA); empty for the JVM's own trust store
     */
    public static MsalSignIn create(AuthSettings settings, TokenCacheVault vault, ExecutorService executor,
            Optional<SSLSocketFactory> tls, Clock clock) {
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
        return msalAccounts().stream().map(this::toAccount)
                .sorted(Comparator.comparing(SignedInAccount::id)).toList();
    }

    @Override
    public DeviceCodePrompt startDeviceCode() {
        forgetExpired();
        if (pending.size() >= MAX_PENDING) {
            throw new SignInException(MAX_PENDING + " sign-ins are already waiting for their user; finish one with"
                    + " account_complete_auth or let it expire first");
        }
        CompletableFuture<DeviceCode> code = new CompletableFuture<>();
        CompletableFuture<IAuthenticationResult> result =
                app.acquireToken(DeviceCodeFlowParameters.builder(scopes, code::complete).build());
        result.whenComplete((done, failure) -> {
            if (failure != null) {
                code.completeExceptionally(failure);
            }
        });
        DeviceCode deviceCode;
        try {
            deviceCode = code.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new SignInException("The sign-in service did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new SignInException("The sign-in service refused to start a sign-in: " + describe(e.getCause()),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw new SignInException("Interrupted while starting a sign-in");
        }
        DeviceCodePrompt prompt = new DeviceCodePrompt(deviceCode.userCode(), deviceCode.verificationUri(),
                deviceCode.message(), clock.instant().plusSeconds(deviceCode.expiresIn()));
        pending.put(prompt.userCode(), new PendingSignIn(prompt, result));
        return prompt;
    }

    @Override
    public SignInAttempt awaitDeviceCode(String userCode, Duration wait) {
        Objects.requireNonNull(userCode, "userCode");
        PendingSignIn signIn = pending.get(userCode.trim());
        if (signIn == null) {
            return new SignInAttempt(SignInAttempt.Status.UNKNOWN, null, "No sign-in is waiting under code '"
                    + userCode + "'; it finished, expired or was never started. Call account_list to see who is signed"
                    + " in, or account_authenticate to start again.");
        }
        try {
            IAuthenticationResult result = signIn.result().get(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
            pending.remove(signIn.prompt().userCode());
            SignedInAccount account = toAccount(result.account());
            return new SignInAttempt(SignInAttempt.Status.SIGNED_IN, account,
                    "Signed in as " + account.username() + "; use account_id '" + account.id() + "'.");
        } catch (TimeoutException e) {
            return new SignInAttempt(SignInAttempt.Status.PENDING, null, "Still waiting: open "
                    + signIn.prompt().verificationUri() + " and enter the code " + signIn.prompt().userCode()
                    + " before " + signIn.prompt().expiresAt() + ", then ask again.");
        } catch (ExecutionException | CancellationException e) {
            pending.remove(signIn.prompt().userCode());
            return failed(e instanceof ExecutionException ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SignInAttempt(SignInAttempt.Status.PENDING, null, "Interrupted while waiting; ask again.");
        }
    }

    @Override
    public boolean signOut(String accountId) {
        Optional<IAccount> account = find(accountId);
        account.ifPresent(a -> join(app.removeAccount(a), "sign out"));
        return account.isPresent();
    }

    @Override
    public String accessToken(String accountId) {
        IAccount account = find(accountId).orElseThrow(() -> new GraphException(401, "AccountNotSignedIn",
                "Account '" + accountId + "' is not signed in; call account_authenticate to sign in."));
        try {
            // The authority again: else MSAL rebuilds it from the account's environment, which drops a port.
            return app.acquireTokenSilently(SilentParameters.builder(scopes, account).authorityUrl(authority.toString())
                    .build())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).accessToken();
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e.getCause());
            if (cause instanceof MsalInteractionRequiredException) {
                throw new GraphException(401, "InteractionRequired", "Account '" + accountId
                        + "' must sign in again (call account_authenticate): " + describe(cause));
            }
            throw new GraphException(401, cause instanceof MsalException msal && msal.errorCode() != null
                    ? msal.errorCode() : "TokenUnavailable",
                    "Could not get a token for '" + accountId + "': " + describe(cause));
        } catch (MalformedURLException e) {
            throw new IllegalStateException("The authority was valid when the app was built", e);
        } catch (TimeoutException e) {
            throw new GraphException(0, "SignInTimeout", "The sign-in service did not answer within "
                    + timeout.toSeconds() + " s while refreshing the token of '" + accountId + "'");
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
    private record KnownAccounts(long changes, List<IAccount> accounts) {
    }

    /** How often MSAL has opened the token cache; see {@link PersistentTokenCache#accesses()}. */
    long tokenCacheAccesses() {
        return tokenCache.accesses();
    }

    private Optional<IAccount> find(String accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        return msalAccounts().stream().filter(a -> idOf(a).equals(accountId.toLowerCase(Locale.ROOT))).findFirst();
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

    private void forgetExpired() {
        Instant now = clock.instant();
        pending.values().removeIf(signIn -> {
            boolean expired = signIn.prompt().expiresAt().isBefore(now);
            if (expired) {
                signIn.result().cancel(true);
            }
            return expired;
        });
    }

    private static SignInAttempt failed(Throwable failure) {
        Throwable cause = unwrap(failure);
        String code = cause instanceof MsalException msal ? msal.errorCode() : null;
        if ("authorization_declined".equals(code) || "access_denied".equals(code)) {
            return new SignInAttempt(SignInAttempt.Status.DECLINED, null,
                    "The sign-in was declined on the sign-in page. Call account_authenticate to try again.");
        }
        if ("expired_token".equals(code) || "code_expired".equals(code)
                || (cause instanceof MsalClientException && "Expired Device code".equals(cause.getMessage()))) {
            return new SignInAttempt(SignInAttempt.Status.EXPIRED, null,
                    "The code expired before the sign-in finished. Call account_authenticate for a new one.");
        }
        return new SignInAttempt(SignInAttempt.Status.FAILED, null, "Sign-in failed: " + describe(cause));
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** MSAL's error code and the sign-in service's description: no tokens, no request bodies. */
    private static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof MsalException msal) {
            return (msal.errorCode() == null ? "" : msal.errorCode() + ": ") + msal.getMessage();
        }
        return cause == null ? "unknown error" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static String idOf(IAccount account) {
        String name = account.username() == null || account.username().isBlank()
                ? account.homeAccountId() : account.username();
        return name.toLowerCase(Locale.ROOT);
    }

    /** Our view of an MSAL account, its display name read from the cached id token. */
    private SignedInAccount toAccount(IAccount account) {
        String homeAccountId = account.homeAccountId() == null ? "" : account.homeAccountId();
        int dot = homeAccountId.indexOf('.');
        String tenantId = dot < 0 ? null : homeAccountId.substring(dot + 1);
        String username = account.username() == null ? idOf(account) : account.username();
        return new SignedInAccount(idOf(account), username, tokenCache.displayName(homeAccountId).orElse(null),
                tenantId);
    }

    /** A device-code sign-in waiting for its user. */
    private record PendingSignIn(DeviceCodePrompt prompt, CompletableFuture<IAuthenticationResult> result) {
    }
}
