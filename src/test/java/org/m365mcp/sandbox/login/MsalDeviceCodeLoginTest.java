package org.m365mcp.sandbox.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.DeviceCode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.m365mcp.sandbox.SandboxServer;
import org.m365mcp.sandbox.SandboxTenant;

/** The real MSAL4J device code flow, over HTTPS, against the sandbox's sign-in and then its Graph. */
class MsalDeviceCodeLoginTest {

    /** A made-up application (client) id: the sandbox accepts any. */
    private static final String CLIENT_ID = "3f0e6c2a-8b1d-4c57-9e2f-a61b7d0c4e58";

    private static final Set<String> SCOPES = Set.of("User.Read", "Mail.Read");
    private static final String TOKEN_ENDPOINT = "POST /contoso.sandbox/oauth2/v2.0/token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SandboxServer sandbox = SandboxServer.startHttps();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private PublicClientApplication msal() throws Exception {
        return PublicClientApplication.builder(CLIENT_ID)
                .authority(sandbox.authority().toString())
                .validateAuthority(false)
                .instanceDiscovery(false)
                .sslSocketFactory(sandbox.sslSocketFactory())
                .build();
    }

    @Test
    void deviceCodeFlow_approvedOnThePage_signsIn_thenRefreshesSilently() throws Exception {
        // Shorter than MSAL's five-minute margin: every silent call refreshes.
        assertThat(admin("{\"access_token_lifetime_seconds\":60}").statusCode()).isEqualTo(200);
        PublicClientApplication app = msal();
        CompletableFuture<DeviceCode> shown = new CompletableFuture<>();

        CompletableFuture<IAuthenticationResult> signIn = app.acquireToken(
                DeviceCodeFlowParameters.builder(SCOPES, shown::complete).build());
        DeviceCode code = shown.get(10, TimeUnit.SECONDS);
        awaitRequest(TOKEN_ENDPOINT);
        assertThat(signIn).isNotDone();
        assertThat(sandbox.approveDeviceCode(code.userCode(), SandboxTenant.DEMO_USERNAME)
                        .statusCode())
                .isEqualTo(200);
        IAuthenticationResult result = signIn.get(20, TimeUnit.SECONDS);

        assertThat(code.verificationUri()).isEqualTo(sandbox.authority() + "device");
        assertThat(code.message()).contains(code.verificationUri()).contains(code.userCode());
        String oid = sandbox.tenant()
                .account(SandboxTenant.DEMO_ACCOUNT_ID)
                .orElseThrow()
                .userId();
        assertThat(result.account().username()).isEqualTo(SandboxTenant.DEMO_USERNAME);
        assertThat(result.account().homeAccountId()).isEqualTo(oid + "." + SandboxLogin.TENANT_ID);
        assertThat(me(result.accessToken()).path("userPrincipalName").asText()).isEqualTo(SandboxTenant.DEMO_USERNAME);
        assertThat(sandbox.login().counters().grants(GrantType.DEVICE_CODE)).isEqualTo(1);

        IAuthenticationResult refreshed = silently(app, result);
        assertThat(refreshed.accessToken()).isNotEqualTo(result.accessToken());
        assertThat(sandbox.login().counters().grants(GrantType.REFRESH_TOKEN)).isEqualTo(1);
        assertThat(me(refreshed.accessToken()).path("displayName").asText()).isEqualTo("Adele Vance");

        // With Microsoft's hour, one more refresh (the cached token is still the short one), then MSAL's cache.
        admin("{\"access_token_lifetime_seconds\":3600}");
        IAuthenticationResult hour = silently(app, refreshed);
        assertThat(silently(app, hour).accessToken()).isEqualTo(hour.accessToken());
        assertThat(sandbox.login().counters().grants(GrantType.REFRESH_TOKEN)).isEqualTo(2);

        // MSAL called nothing but the two endpoints: no instance discovery, no OpenID metadata.
        assertThat(sandbox.requestLog())
                .filteredOn(line -> line.contains("/contoso.sandbox/") && !line.endsWith("/device"))
                .containsOnly("POST /contoso.sandbox/oauth2/v2.0/devicecode", TOKEN_ENDPOINT);
    }

    @Test
    void deviceCodeFlow_declinedOnThePage_failsWithAuthorizationDeclined() throws Exception {
        CompletableFuture<DeviceCode> shown = new CompletableFuture<>();
        CompletableFuture<IAuthenticationResult> signIn = msal().acquireToken(
                        DeviceCodeFlowParameters.builder(SCOPES, shown::complete)
                                .build());

        assertThat(sandbox.declineDeviceCode(shown.get(10, TimeUnit.SECONDS).userCode())
                        .statusCode())
                .isEqualTo(200);

        assertThatThrownBy(() -> signIn.get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(MsalServiceException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("authorization_declined");
                    assertThat(e.getMessage()).startsWith("AADSTS70000:");
                });
        assertThat(sandbox.login().counters().grants(GrantType.DEVICE_CODE)).isZero();
    }

    private IAuthenticationResult silently(PublicClientApplication app, IAuthenticationResult previous)
            throws Exception {
        return app.acquireTokenSilently(SilentParameters.builder(SCOPES, previous.account())
                        .authorityUrl(sandbox.authority().toString())
                        .build())
                .get(10, TimeUnit.SECONDS);
    }

    private JsonNode me(String accessToken) throws Exception {
        HttpResponse<String> response = sandbox.send("GET", "/v1.0/me", null, accessToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> admin(String body) {
        return sandbox.send("PUT", "/_admin/login", body, null);
    }

    /** Waits (at most ten seconds) until the server has received {@code request}. */
    private void awaitRequest(String request) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!sandbox.requestLog().contains(request) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sandbox.requestLog()).contains(request);
    }
}
