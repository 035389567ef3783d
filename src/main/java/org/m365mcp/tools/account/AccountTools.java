package org.m365mcp.tools.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.m365mcp.cache.entries.TieredCaches;
import org.m365mcp.graph.auth.DeviceCodePrompt;
import org.m365mcp.graph.auth.SignIn;
import org.m365mcp.graph.auth.SignInAttempt;
import org.m365mcp.graph.auth.SignedInAccount;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;
import org.m365mcp.tools.Confirmation;

/** Account tools: who is signed in, device-code sign-in, and signing out (tokens and cached data). */
@ApplicationScoped
public class AccountTools {

    @Inject
    SignIn signIn;

    @Inject
    Accounts accounts;

    @Inject
    TieredCaches caches;

    @McpTool(
            name = "account_list",
            readOnly = true,
            idempotent = true,
            openWorld = false,
            description =
                    "List the signed-in Microsoft accounts and their account_id; says when the demo sandbox is in use.")
    public AccountListAnswer accountList() {
        boolean sandbox = signIn.sandbox();
        var list = signIn.accounts().stream()
                .map(account -> AccountInfo.of(account, sandbox))
                .toList();
        String note = signIn.noSignInNote()
                .orElse(
                        list.isEmpty()
                                ? "No account is signed in yet: call account_authenticate."
                                : "Pass an account_id to the other tools; account_authenticate adds another account.");
        return new AccountListAnswer(sandbox ? "demo" : "microsoft", sandbox, list.size(), list, note);
    }

    @McpTool(
            name = "account_authenticate",
            openWorld = true,
            description = "Start signing in a Microsoft account (device code): returns a code and a URL for the user,"
                    + " then call account_complete_auth.")
    public DeviceCodeAnswer accountAuthenticate() {
        DeviceCodePrompt prompt = signIn.startDeviceCode();
        return new DeviceCodeAnswer(
                prompt.userCode(),
                prompt.verificationUri(),
                prompt.expiresAt(),
                prompt.message(),
                "Once the user has signed in, call account_complete_auth with user_code '" + prompt.userCode() + "'.");
    }

    @McpTool(
            name = "account_complete_auth",
            idempotent = true,
            description = "Finish a sign-in started by account_authenticate: waits for the user, then returns the"
                    + " new account_id (or pending, declined, expired).")
    public SignInAnswer accountCompleteAuth(
            @ToolParam("The user_code account_authenticate returned") String userCode,
            @ToolParam(value = "Seconds to wait for the user to finish", defaultValue = "30", min = 0, max = 120)
                    int waitSeconds) {
        if (userCode == null || userCode.isBlank()) {
            throw new ToolArgumentException(
                    "user_code", "is required: pass the user_code account_authenticate returned");
        }
        SignInAttempt attempt = signIn.awaitDeviceCode(userCode.trim(), Duration.ofSeconds(waitSeconds));
        SignedInAccount account = attempt.account();
        return new SignInAnswer(
                attempt.status().name().toLowerCase(Locale.ROOT),
                account == null ? null : AccountInfo.of(account, signIn.sandbox()),
                attempt.message());
    }

    @McpTool(
            name = "account_sign_out",
            destructive = true,
            idempotent = true,
            openWorld = false,
            description =
                    "Sign an account out: forget its tokens and remove everything cached for it. Needs confirm=true.")
    public SignOutAnswer accountSignOut(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam(
                            value = "Must be true: signing out removes the account's tokens and cached data",
                            defaultValue = "false")
                    boolean confirm) {
        SignedInAccount account = accounts.require(accountId);
        Confirmation.require(confirm, "signs '" + account.id() + "' out and removes its tokens and cached data");
        boolean tokensRemoved = signIn.signOut(account.id());
        int removed = caches.removeAccount(account.id()).count();
        String message = signIn.sandbox()
                ? "Demo mode: removed " + removed + " cached results of '" + account.id()
                        + "'; sandbox accounts stay signed in."
                : "Signed out '" + account.id() + "': its tokens are gone and " + removed
                        + " cached results were removed.";
        return new SignOutAnswer(account.id(), tokensRemoved, removed, message);
    }
}
