package org.m365mcp.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.m365mcp.graph.auth.DeviceCodePrompt;
import org.m365mcp.graph.auth.SignIn;
import org.m365mcp.graph.auth.SignInAttempt;
import org.m365mcp.graph.auth.SignInException;
import org.m365mcp.graph.auth.SignedInAccount;

/**
 * Demo mode's accounts: the sandbox tenant's two users, always signed in with the sandbox's fixed
 * tokens. There is nobody to sign in or out: demo mode says so instead of pretending.
 *
 * <p>Stateless and thread-safe.
 */
public final class SandboxSignIn implements SignIn {

    /** Why demo mode has no sign-in, for the tools to show. */
    public static final String NO_SIGN_IN = "Demo mode: the sandbox tenant's accounts '" + SandboxTenant.DEMO_ACCOUNT_ID
            + "' (" + SandboxTenant.DEMO_USERNAME + ") and '" + SandboxTenant.DEMO2_ACCOUNT_ID + "' ("
            + SandboxTenant.DEMO2_USERNAME + ") are always signed in and hold made-up data. To sign in to a real"
            + " Microsoft 365 account, register an Azure app and start the server with M365_MCP_CLIENT_ID"
            + " (see docs/azure-app-registration.md).";

    private static final List<SignedInAccount> ACCOUNTS = List.of(
            new SignedInAccount(SandboxTenant.DEMO_ACCOUNT_ID, SandboxTenant.DEMO_USERNAME, "Adele Vance", null),
            new SignedInAccount(SandboxTenant.DEMO2_ACCOUNT_ID, SandboxTenant.DEMO2_USERNAME, "Megan Bowen", null));

    private final SandboxTokenSource tokens = new SandboxTokenSource();

    @Override
    public boolean sandbox() {
        return true;
    }

    @Override
    public Optional<String> noSignInNote() {
        return Optional.of(NO_SIGN_IN);
    }

    @Override
    public Optional<URI> authority() {
        return Optional.empty();
    }

    @Override
    public List<SignedInAccount> accounts() {
        return ACCOUNTS;
    }

    @Override
    public DeviceCodePrompt startDeviceCode() {
        throw new SignInException(NO_SIGN_IN);
    }

    @Override
    public SignInAttempt awaitDeviceCode(String userCode, Duration wait) {
        return new SignInAttempt(SignInAttempt.Status.UNKNOWN, null, NO_SIGN_IN);
    }

    @Override
    public boolean signOut(String accountId) {
        return false;
    }

    @Override
    public String accessToken(String accountId) {
        return tokens.accessToken(accountId);
    }
}
