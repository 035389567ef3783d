package org.m365mcp.graph.auth;

import static org.m365mcp.graph.auth.MsalFailures.describe;
import static org.m365mcp.graph.auth.MsalFailures.unwrap;

import com.microsoft.aad.msal4j.DeviceCode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.PublicClientApplication;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The device-code sign-ins of {@link MsalSignIn} that wait for their user: started through MSAL4J,
 * which polls the token endpoint on its executor, and awaited by user code.
 *
 * <ul>
 *   <li>At most {@value #MAX_PENDING} wait at once; one that expired (by the injected clock) is
 *       forgotten and its polling cancelled. A sign-in the user finishes is saved by MSAL even if
 *       nobody asks for its outcome.
 *   <li>Thread-safe.
 * </ul>
 */
final class DeviceCodeSignIns {

    /** Device-code sign-ins that may wait for their user at the same time. */
    static final int MAX_PENDING = 5;

    private final PublicClientApplication app;
    private final Set<String> scopes;
    private final Duration timeout;
    private final Clock clock;
    private final Function<IAccount, SignedInAccount> accounts;
    private final Map<String, PendingSignIn> pending = new ConcurrentHashMap<>();

    /** {@code accounts} gives our view of the account a finished sign-in brings. */
    DeviceCodeSignIns(
            PublicClientApplication app,
            Set<String> scopes,
            Duration timeout,
            Clock clock,
            Function<IAccount, SignedInAccount> accounts) {
        this.app = Objects.requireNonNull(app, "app");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    /** See {@link SignIn#startDeviceCode()}. */
    DeviceCodePrompt start() {
        forgetExpired();
        if (pending.size() >= MAX_PENDING) {
            throw new SignInException(MAX_PENDING + " sign-ins are already waiting for their user; finish one with"
                    + " account_complete_auth or let it expire first");
        }
        CompletableFuture<DeviceCode> code = new CompletableFuture<>();
        CompletableFuture<IAuthenticationResult> result = app.acquireToken(
                DeviceCodeFlowParameters.builder(scopes, code::complete).build());
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
            throw new SignInException(
                    "The sign-in service refused to start a sign-in: " + describe(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw new SignInException("Interrupted while starting a sign-in");
        }
        DeviceCodePrompt prompt = new DeviceCodePrompt(
                deviceCode.userCode(),
                deviceCode.verificationUri(),
                deviceCode.message(),
                clock.instant().plusSeconds(deviceCode.expiresIn()));
        pending.put(prompt.userCode(), new PendingSignIn(prompt, result));
        return prompt;
    }

    /** See {@link SignIn#awaitDeviceCode(String, Duration)}. */
    SignInAttempt await(String userCode, Duration wait) {
        Objects.requireNonNull(userCode, "userCode");
        PendingSignIn signIn = pending.get(userCode.trim());
        if (signIn == null) {
            return new SignInAttempt(
                    SignInAttempt.Status.UNKNOWN,
                    null,
                    "No sign-in is waiting under code '"
                            + userCode
                            + "'; it finished, expired or was never started. Call account_list to see who is signed"
                            + " in, or account_authenticate to start again.");
        }
        try {
            IAuthenticationResult result = signIn.result().get(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
            pending.remove(signIn.prompt().userCode());
            SignedInAccount account = accounts.apply(result.account());
            return new SignInAttempt(
                    SignInAttempt.Status.SIGNED_IN,
                    account,
                    "Signed in as " + account.username() + "; use account_id '" + account.id() + "'.");
        } catch (TimeoutException e) {
            return new SignInAttempt(
                    SignInAttempt.Status.PENDING,
                    null,
                    "Still waiting: open "
                            + signIn.prompt().verificationUri() + " and enter the code "
                            + signIn.prompt().userCode()
                            + " before " + signIn.prompt().expiresAt() + ", then ask again.");
        } catch (ExecutionException | CancellationException e) {
            pending.remove(signIn.prompt().userCode());
            return failed(e instanceof ExecutionException ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SignInAttempt(SignInAttempt.Status.PENDING, null, "Interrupted while waiting; ask again.");
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
            return new SignInAttempt(
                    SignInAttempt.Status.DECLINED,
                    null,
                    "The sign-in was declined on the sign-in page. Call account_authenticate to try again.");
        }
        if ("expired_token".equals(code)
                || "code_expired".equals(code)
                || (cause instanceof MsalClientException && "Expired Device code".equals(cause.getMessage()))) {
            return new SignInAttempt(
                    SignInAttempt.Status.EXPIRED,
                    null,
                    "The code expired before the sign-in finished. Call account_authenticate for a new one.");
        }
        return new SignInAttempt(SignInAttempt.Status.FAILED, null, "Sign-in failed: " + describe(cause));
    }

    /** A device-code sign-in waiting for its user. */
    private record PendingSignIn(DeviceCodePrompt prompt, CompletableFuture<IAuthenticationResult> result) {}
}
