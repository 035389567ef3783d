package org.m365mcp.sandbox.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.m365mcp.cache.store.TestClock;
import org.m365mcp.sandbox.SandboxAccount;
import org.m365mcp.sandbox.SandboxServer;
import org.m365mcp.sandbox.SandboxTenant;

/** The sign-in endpoints over raw HTTPS, as a client that is not MSAL would drive them, and Graph's view of the tokens. */
class SandboxLoginEndpointsTest {

    private static final String CLIENT_ID = "3f0e6c2a-8b1d-4c57-9e2f-a61b7d0c4e58";
    private static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestClock clock = new TestClock(SandboxServer.NOW);
    private final SandboxServer sandbox = SandboxServer.startHttps(clock);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void devicecode_issuesCodesAndThePagesAddress_andCountsIt() {
        JsonNode code = deviceCode();

        String page = sandbox.authority() + "device";
        assertThat(code.path("user_code").asText()).matches("[A-Z2-9]{9}");
        assertThat(code.path("device_code").asText()).hasSizeGreaterThan(40);
        assertThat(code.path("verification_uri").asText()).isEqualTo(page);
        assertThat(code.path("expires_in").asInt()).isEqualTo(900);
        assertThat(code.path("interval").asInt()).isEqualTo(1);
        assertThat(code.path("message").asText())
                .isEqualTo("To sign in, use a web browser to open the page " + page + " and enter the code "
                        + code.path("user_code").asText() + " to authenticate.");
        assertThat(deviceCode().path("device_code").asText())
                .isNotEqualTo(code.path("device_code").asText());
        assertThat(sandbox.login().counters().deviceCodesIssued()).isEqualTo(2);
    }

    @Test
    void token_beforeApproval_isAuthorizationPending_inTheIdentityPlatformsShape() {
        JsonNode code = deviceCode();

        HttpResponse<String> poll = post(
                "oauth2/v2.0/token",
                Map.of(
                        "grant_type",
                        DEVICE_CODE_GRANT,
                        "client_id",
                        CLIENT_ID,
                        "device_code",
                        code.path("device_code").asText()),
                "req-42");

        assertThat(poll.statusCode()).isEqualTo(400);
        assertThat(poll.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        JsonNode error = json(poll);
        assertThat(error.path("error").asText()).isEqualTo("authorization_pending");
        assertThat(error.path("error_description").asText())
                .startsWith("AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. Continue polling.")
                .contains("\r\nCorrelation ID: req-42\r\n")
                .endsWith("Timestamp: 2026-01-15 09:30:00Z");
        assertThat(error.path("error_codes").toString()).isEqualTo("[70016]");
        assertThat(error.path("timestamp").asText()).isEqualTo("2026-01-15 09:30:00Z");
        assertThat(error.path("trace_id").asText()).matches("[0-9a-f-]{36}");
        assertThat(error.path("correlation_id").asText()).isEqualTo("req-42");
    }

    @Test
    void token_afterApproval_issuesTokensWithTheUsersClaims_once() {
        JsonNode code = deviceCode();
        assertThat(sandbox.approveDeviceCode(code.path("user_code").asText(), SandboxTenant.DEMO2_USERNAME)
                        .body())
                .contains("You have signed in as Megan Bowen");

        HttpResponse<String> redeemed = redeem(code, "device_code");

        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
        JsonNode tokens = json(redeemed);
        SandboxAccount megan =
                sandbox.tenant().account(SandboxTenant.DEMO2_ACCOUNT_ID).orElseThrow();
        assertThat(tokens.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.path("scope").asText()).isEqualTo("Mail.Read openid profile User.Read");
        assertThat(tokens.path("expires_in").asInt()).isEqualTo(3600);
        assertThat(tokens.path("ext_expires_in").asInt()).isEqualTo(3600);
        assertThat(tokens.path("access_token").asText()).hasSizeGreaterThan(40);
        assertThat(tokens.path("refresh_token").asText())
                .hasSizeGreaterThan(40)
                .isNotEqualTo(tokens.path("access_token").asText());
        JsonNode clientInfo = decode(tokens.path("client_info").asText());
        assertThat(clientInfo.path("uid").asText()).isEqualTo(megan.userId());
        assertThat(clientInfo.path("utid").asText()).isEqualTo(SandboxLogin.TENANT_ID);

        String[] jwt = tokens.path("id_token").asText().split("\\.");
        assertThat(jwt).hasSize(3);
        assertThat(decode(jwt[0]).path("alg").asText()).isEqualTo("RS256");
        JsonNode claims = decode(jwt[1]);
        long now = SandboxServer.NOW.getEpochSecond();
        assertThat(claims.path("aud").asText()).isEqualTo(CLIENT_ID);
        assertThat(claims.path("iss").asText()).isEqualTo(sandbox.origin() + "/" + SandboxLogin.TENANT_ID + "/v2.0");
        assertThat(claims.path("iat").asLong()).isEqualTo(now);
        assertThat(claims.path("nbf").asLong()).isEqualTo(now);
        assertThat(claims.path("exp").asLong()).isEqualTo(now + 3600);
        assertThat(claims.path("name").asText()).isEqualTo("Megan Bowen");
        assertThat(claims.path("preferred_username").asText()).isEqualTo(SandboxTenant.DEMO2_USERNAME);
        assertThat(claims.path("oid").asText()).isEqualTo(megan.userId());
        assertThat(claims.path("tid").asText()).isEqualTo(SandboxLogin.TENANT_ID);
        assertThat(claims.path("sub").asText()).isNotBlank();
        assertThat(claims.path("ver").asText()).isEqualTo("2.0");
        assertThat(sandbox.login().counters().grants(GrantType.DEVICE_CODE)).isEqualTo(1);

        HttpResponse<String> again = redeem(code, "device_code");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void token_afterDecline_isAuthorizationDeclined() {
        JsonNode code = deviceCode();
        assertThat(sandbox.declineDeviceCode(code.path("user_code").asText()).body())
                .contains("You declined to sign in");

        JsonNode error = json(redeem(code, DEVICE_CODE_GRANT));

        assertThat(error.path("error").asText()).isEqualTo("authorization_declined");
        assertThat(error.path("error_codes").get(0).asInt()).isEqualTo(70000);
    }

    @Test
    void token_afterTheCodesLifetime_isExpiredToken_andThePageRefusesTheCode() {
        JsonNode code = deviceCode();
        clock.advance(Duration.ofSeconds(900));

        JsonNode error = json(redeem(code, DEVICE_CODE_GRANT));
        HttpResponse<String> page =
                sandbox.approveDeviceCode(code.path("user_code").asText(), SandboxTenant.DEMO_USERNAME);

        assertThat(error.path("error").asText()).isEqualTo("expired_token");
        assertThat(error.path("error_description").asText()).startsWith("AADSTS70020: ");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("has expired");
    }

    @Test
    void refresh_issuesANewAccessToken_andRotatesTheRefreshToken() {
        JsonNode first = signIn(SandboxTenant.DEMO_USERNAME);
        String oldRefresh = first.path("refresh_token").asText();

        HttpResponse<String> refreshed = post(
                "oauth2/v2.0/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "client_id",
                        CLIENT_ID,
                        "refresh_token",
                        oldRefresh,
                        "scope",
                        "User.Read offline_access",
                        "client_info",
                        "1"),
                null);

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode second = json(refreshed);
        assertThat(second.path("access_token").asText())
                .isNotEqualTo(first.path("access_token").asText());
        assertThat(second.path("refresh_token").asText()).isNotEqualTo(oldRefresh);
        assertThat(second.path("scope").asText()).isEqualTo("User.Read");
        assertThat(second.path("client_info").asText())
                .isEqualTo(first.path("client_info").asText());
        assertThat(me(second.path("access_token").asText()).path("mail").asText())
                .isEqualTo(SandboxTenant.DEMO_USERNAME);
        assertThat(sandbox.login().counters().grants(GrantType.REFRESH_TOKEN)).isEqualTo(1);

        HttpResponse<String> reused = post(
                "oauth2/v2.0/token",
                Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID, "refresh_token", oldRefresh),
                null);
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(json(reused).path("error").asText()).isEqualTo("invalid_grant");
        HttpResponse<String> foreign = post(
                "oauth2/v2.0/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "client_id",
                        "another-app",
                        "refresh_token",
                        second.path("refresh_token").asText()),
                null);
        assertThat(json(foreign).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(sandbox.login().counters().grants(GrantType.REFRESH_TOKEN)).isEqualTo(1);
    }

    @Test
    void missingParameters_areInvalidRequest_unknownGrantIsUnsupported() {
        assertError(
                post("oauth2/v2.0/devicecode", Map.of("scope", "User.Read"), null),
                "invalid_request",
                "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
        assertError(
                post("oauth2/v2.0/devicecode", Map.of("client_id", CLIENT_ID), null),
                "invalid_request",
                "AADSTS900144: The request body must contain the following parameter: 'scope'.");
        assertError(
                post("oauth2/v2.0/token", Map.of("client_id", CLIENT_ID), null),
                "invalid_request",
                "AADSTS900144: The request body must contain the following parameter: 'grant_type'.");
        assertError(
                post("oauth2/v2.0/token", Map.of("grant_type", "device_code", "client_id", CLIENT_ID), null),
                "invalid_request",
                "AADSTS900144: The request body must contain the following parameter: 'device_code'.");
        assertError(
                post("oauth2/v2.0/token", Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID), null),
                "invalid_request",
                "AADSTS900144: The request body must contain the following parameter: 'refresh_token'.");
        assertError(
                post("oauth2/v2.0/token", Map.of("grant_type", "password", "client_id", CLIENT_ID), null),
                "unsupported_grant_type",
                "AADSTS70003: The app requested an unsupported grant type 'password'.");
        assertError(
                post(
                        "oauth2/v2.0/token",
                        Map.of("grant_type", DEVICE_CODE_GRANT, "client_id", CLIENT_ID, "device_code", "made-up"),
                        null),
                "invalid_grant",
                "AADSTS70000: ");
    }

    @Test
    void graph_acceptsAnIssuedToken_forItsOwnUser_untilItExpires() {
        String token = signIn(SandboxTenant.DEMO2_USERNAME).path("access_token").asText();

        assertThat(me(token).path("userPrincipalName").asText()).isEqualTo(SandboxTenant.DEMO2_USERNAME);
        assertThat(sandbox.send("GET", "/v1.0/users/" + SandboxTenant.DEMO_USERNAME, null, token)
                        .statusCode())
                .isEqualTo(403);
        assertThat(sandbox.send("GET", "/v1.0/me", null, SandboxTenant.DEMO_TOKEN)
                        .statusCode())
                .isEqualTo(200);

        clock.advance(Duration.ofSeconds(3599));
        assertThat(sandbox.send("GET", "/v1.0/me", null, token).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> expired = sandbox.send("GET", "/v1.0/me", null, token);

        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(json(expired).path("error").path("code").asText()).isEqualTo("InvalidAuthenticationToken");
        assertThat(json(expired).path("error").path("message").asText())
                .isEqualTo("Lifetime validation failed, the token is expired.");
        assertThat(json(sandbox.send("GET", "/v1.0/me", null, "not-a-token"))
                        .path("error")
                        .path("message")
                        .asText())
                .isEqualTo("Access token validation failure. Invalid audience.");
        assertThat(sandbox.send("GET", "/v1.0/me", null, SandboxTenant.DEMO_TOKEN)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void devicePage_offersTheAccounts_andExplainsWhatItCannotDo() {
        HttpResponse<String> page = get("device?user_code=ABC");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body())
                .contains(
                        "value=\"ABC\"",
                        "value=\"" + SandboxTenant.DEMO_USERNAME + "\"",
                        "value=\"" + SandboxTenant.DEMO2_USERNAME + "\"",
                        "value=\"approve\"",
                        "value=\"decline\"");

        String userCode = deviceCode().path("user_code").asText();
        HttpResponse<String> unknownCode = sandbox.approveDeviceCode("NOPE<b>", SandboxTenant.DEMO_USERNAME);
        HttpResponse<String> unknownUser = sandbox.approveDeviceCode(userCode, "nobody@contoso.sandbox");
        HttpResponse<String> noDecision =
                sandbox.postForm(sandbox.authority().resolve("device"), Map.of("user_code", userCode));

        assertThat(unknownCode.statusCode()).isEqualTo(400);
        assertThat(unknownCode.body())
                .contains("The code &#39;NOPE&lt;b&gt;&#39; is not known")
                .doesNotContain("NOPE<b>");
        assertThat(unknownUser.statusCode()).isEqualTo(400);
        assertThat(unknownUser.body()).contains("There is no account &#39;nobody@contoso.sandbox&#39;");
        assertThat(noDecision.statusCode()).isEqualTo(400);
        assertThat(noDecision.body()).contains("Choose Approve or Decline.");

        String typed = userCode.substring(0, 4).toLowerCase() + "-"
                + userCode.substring(4).toLowerCase();
        assertThat(sandbox.approveDeviceCode(typed, "demo").statusCode()).isEqualTo(200);
        HttpResponse<String> twice = sandbox.declineDeviceCode(userCode);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("has already been used");
    }

    @Test
    void admin_changesTheSettings_showsTheCounters_andSignsEveryoneOut() {
        HttpResponse<String> changed = sandbox.send(
                "PUT",
                "/_admin/login",
                "{\"access_token_lifetime_seconds\":60,\"device_code_lifetime_seconds\":30,\"poll_interval_seconds\":0}",
                null);
        assertThat(changed.statusCode()).isEqualTo(200);
        JsonNode code = deviceCode();
        assertThat(code.path("expires_in").asInt()).isEqualTo(30);
        assertThat(code.path("interval").asInt()).isZero();
        sandbox.approveDeviceCode(code.path("user_code").asText(), SandboxTenant.DEMO_USERNAME);
        String token =
                json(redeem(code, DEVICE_CODE_GRANT)).path("access_token").asText();
        assertThat(sandbox.login().accessToken(token).orElseThrow().expiresAt())
                .isEqualTo(SandboxServer.NOW.plusSeconds(60));

        JsonNode state = json(sandbox.send("GET", "/_admin/login", null, null));
        assertThat(state.toString())
                .isEqualTo("{\"access_token_lifetime_seconds\":60,"
                        + "\"device_code_lifetime_seconds\":30,\"poll_interval_seconds\":0,\"device_codes_issued\":1,"
                        + "\"grants\":{\"device_code\":1,\"refresh_token\":0}}");
        assertThat(sandbox.send("PUT", "/_admin/login", "{\"access_token_lifetime_seconds\":-1}", null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(sandbox.send("PUT", "/_admin/login", "{\"poll_interval_seconds\":0.5}", null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(sandbox.send("PUT", "/_admin/login", "{\"lifetime\":5}", null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(sandbox.login().settings().accessTokenLifetime()).isEqualTo(Duration.ofSeconds(60));

        assertThat(sandbox.send("DELETE", "/_admin/login", null, null).statusCode())
                .isEqualTo(204);
        assertThat(sandbox.send("GET", "/v1.0/me", null, token).statusCode()).isEqualTo(401);
        assertThat(sandbox.login().counters().deviceCodesIssued()).isZero();
        assertThat(sandbox.login().settings().accessTokenLifetime()).isEqualTo(Duration.ofSeconds(60));
    }

    /** A whole sign-in of {@code username}: the token response. */
    private JsonNode signIn(String username) {
        JsonNode code = deviceCode();
        assertThat(sandbox.approveDeviceCode(code.path("user_code").asText(), username)
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> tokens = redeem(code, DEVICE_CODE_GRANT);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return json(tokens);
    }

    private JsonNode deviceCode() {
        HttpResponse<String> response = post(
                "oauth2/v2.0/devicecode",
                Map.of("client_id", CLIENT_ID, "scope", "openid profile offline_access User.Read Mail.Read"),
                null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private HttpResponse<String> redeem(JsonNode code, String grantType) {
        return post(
                "oauth2/v2.0/token",
                Map.of(
                        "grant_type",
                        grantType,
                        "client_id",
                        CLIENT_ID,
                        "device_code",
                        code.path("device_code").asText(),
                        "client_info",
                        "1",
                        "scope",
                        "openid profile offline_access User.Read Mail.Read"),
                null);
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String clientRequestId) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (clientRequestId == null) {
            return sandbox.postForm(sandbox.authority().resolve(path), fields);
        }
        return sandbox.postForm(
                sandbox.authority().resolve(path), fields, Map.of("client-request-id", clientRequestId));
    }

    private HttpResponse<String> get(String path) {
        return sandbox.get(sandbox.authority().resolve(path));
    }

    private JsonNode me(String token) {
        HttpResponse<String> response = sandbox.send("GET", "/v1.0/me", null, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static void assertError(HttpResponse<String> response, String error, String descriptionStart) {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.path("error").asText()).isEqualTo(error);
        assertThat(body.path("error_description").asText()).startsWith(descriptionStart);
    }

    private static JsonNode decode(String base64url) {
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
