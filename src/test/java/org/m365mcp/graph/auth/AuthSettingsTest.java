package org.m365mcp.graph.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthSettingsTest {

    private static AuthSettings settings(String authority) {
        return new AuthSettings("client", URI.create(authority), List.of("User.Read"), Duration.ofSeconds(5));
    }

    @Test
    void authority_withoutTrailingSlash_getsOne() {
        assertThat(settings("https://login.microsoftonline.com/common").authority())
                .isEqualTo(URI.create("https://login.microsoftonline.com/common/"));
    }

    @Test
    void authority_overPlainHttp_isRejectedNamingTheScheme() {
        assertThatThrownBy(() -> settings("http://127.0.0.1:8080/common/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
    }

    @Test
    void authority_withoutTenant_isRejected() {
        assertThatThrownBy(() -> settings("https://login.microsoftonline.com/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tenant");
    }

    @Test
    void blankClientIdOrNoScopes_areRejected() {
        URI authority = AuthSettings.microsoftAuthority("common");
        assertThatThrownBy(() -> new AuthSettings(" ", authority, List.of("User.Read"), Duration.ofSeconds(1)))
                .hasMessageContaining("clientId");
        assertThatThrownBy(() -> new AuthSettings("c", authority, List.of(), Duration.ofSeconds(1)))
                .hasMessageContaining("scopes");
    }

    @Test
    void microsoftHost_isTrueForMicrosoftsSignInHostsOnly() {
        assertThat(settings("https://login.microsoftonline.com/organizations/").microsoftHost())
                .isTrue();
        assertThat(settings("https://LOGIN.microsoftonline.us/contoso.us/").microsoftHost())
                .isTrue();
        assertThat(settings("https://127.0.0.1:8443/contoso.sandbox/").microsoftHost())
                .isFalse();
    }
}
