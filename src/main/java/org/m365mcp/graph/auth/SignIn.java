package org.m365mcp.graph.auth;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.m365mcp.graph.AccessTokenSource;

/**
 * Who is signed in, and signing in and out: Microsoft's identity platform through MSAL4J
 * ({@link MsalSignIn}), or the sandbox tenant's fixed demo accounts in demo mode.
 *
 * <p>Implementations are thread-safe; account ids are those of {@link SignedInAccount#id()}.
 */
public interface SignIn extends AccessTokenSource {

    /** True when the accounts are the built-in sandbox tenant's, not Microsoft's. */
    boolean sandbox();

    /**
     * Why nobody signs in or out here, for the tools to show: demo mode's explanation of its fixed
     * accounts; empty where sign-in works.
     */
    default Optional<String> noSignInNote() {
        return Optional.empty();
    }

    /** The sign-in authority, e.g. {@code https://login.microsoftonline.com/common/}; empty in demo mode. */
    Optional<URI> authority();

    /** The signed-in accounts, ordered by id. */
    List<SignedInAccount> accounts();

    /**
     * Starts a device-code sign-in and returns the code for the user.
     *
     * @throws SignInException when the sign-in service refuses to start one, or sign-in is not
     *     available (demo mode)
     */
    DeviceCodePrompt startDeviceCode();

    /** Waits up to {@code wait} for the sign-in started with {@code userCode} to finish. */
    SignInAttempt awaitDeviceCode(String userCode, Duration wait);

    /** Forgets {@code accountId}'s tokens; false when there were none. */
    boolean signOut(String accountId);
}
