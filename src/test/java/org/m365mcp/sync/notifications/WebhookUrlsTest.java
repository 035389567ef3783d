package org.m365mcp.sync.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where Graph is told to send notifications: under an https public URL, or demo mode's loopback address. */
class WebhookUrlsTest {

    @Test
    void underPublicUrl_withOrWithoutTrailingSlash_bothPathsUnderIt() {
        WebhookUrls urls = WebhookUrls.underPublicUrl(" https://mcp.example.org/m365/ ");

        assertThat(urls.changes()).hasToString("https://mcp.example.org/m365/notifications/graph");
        assertThat(urls.lifecycle()).hasToString("https://mcp.example.org/m365/notifications/graph/lifecycle");
        assertThat(WebhookUrls.underPublicUrl("https://mcp.example.org").changes())
                .hasToString("https://mcp.example.org/notifications/graph");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://mcp.example.org",
                "mcp.example.org",
                "https://",
                "https://h/x?a=b",
                "https://h/#f",
                "ht tps://h"
            })
    void underPublicUrl_notAnAbsoluteHttpsRoot_refusedNamingTheSetting(String url) {
        assertThatThrownBy(() -> WebhookUrls.underPublicUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m365.mcp.notifications.public-url");
    }

    @Test
    void loopback_demoMode_httpOnTheServersOwnAddressAndContextPath() {
        assertThat(WebhookUrls.loopback("127.0.0.1:8080", "").changes())
                .hasToString("http://127.0.0.1:8080/notifications/graph");
        assertThat(WebhookUrls.loopback("[::1]:9000", "/m365-mcp").lifecycle())
                .hasToString("http://[::1]:9000/m365-mcp/notifications/graph/lifecycle");
    }

    @Test
    void validationToken_decodedFromTheRawQuery() {
        assertThat(WebhookServlet.validationToken("validationToken=Validation%3A+a%2Fb"))
                .contains("Validation: a/b");
        assertThat(WebhookServlet.validationToken("x=1&validationToken=t")).contains("t");
        assertThat(WebhookServlet.validationToken("x=1")).isEmpty();
        assertThat(WebhookServlet.validationToken(null)).isEmpty();
        assertThat(WebhookServlet.validationToken("validationToken=%zz")).contains("");
    }
}
