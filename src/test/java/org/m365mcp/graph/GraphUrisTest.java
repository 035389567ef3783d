package org.m365mcp.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class GraphUrisTest {

    private static final URI BASE = URI.create("https://graph.microsoft.com/v1.0");

    @Test
    void resolve_plainPath_appendsToBase() {
        assertThat(GraphUris.resolve(BASE, "me/mailFolders/inbox/messages"))
                .hasToString("https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages");
    }

    @Test
    void resolve_queryValues_percentEncodedUtf8_dollarAndCommaKept() {
        URI uri = GraphUris.resolve(BASE, "/me/messages?$search=\"größe 100%\"&$select=id,subject&$top=5");

        assertThat(uri.getRawQuery()).isEqualTo("$search=%22gr%C3%B6%C3%9Fe%20100%25%22&$select=id,subject&$top=5");
    }

    @Test
    void resolve_idWithBase64Padding_keptInPath() {
        assertThat(GraphUris.resolve(BASE, "/me/messages/AAMkAG-x_y=").getRawPath())
                .isEqualTo("/v1.0/me/messages/AAMkAG-x_y=");
    }

    @Test
    void retryDelay_retryAfterSeconds_wins_elseBackoffDoubles() {
        assertThat(RetryPolicy.delay(0, "2")).hasSeconds(2);
        assertThat(RetryPolicy.delay(0, null)).isEqualTo(RetryPolicy.INITIAL_BACKOFF);
        assertThat(RetryPolicy.delay(2, null)).isEqualTo(RetryPolicy.INITIAL_BACKOFF.multipliedBy(4));
        assertThat(RetryPolicy.delay(40, "3600")).isEqualTo(RetryPolicy.MAX_WAIT);
    }
}
