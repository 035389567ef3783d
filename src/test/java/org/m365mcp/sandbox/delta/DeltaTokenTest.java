package org.m365mcp.sandbox.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeltaTokenTest {

    @Test
    void encodeThenDecode_sameToken() {
        DeltaToken token = new DeltaToken(
                "demo",
                "messages/AQMk",
                true,
                4,
                9,
                "AAMkAG-last",
                Instant.parse("2026-01-15T09:30:00Z"),
                Map.of("$select", "subject,isRead", "changeType", "created"));

        assertThat(DeltaToken.decode(token.encode())).contains(token);
    }

    @Test
    void encode_base64urlOnly_safeInAQueryWithoutEscaping() {
        String text = new DeltaToken("demo", "drive/root", false, 3, 3, "", Instant.EPOCH, Map.of("$select", "name"))
                .encode();

        assertThat(text).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void decode_notOneOfOurs_empty() {
        assertThat(DeltaToken.decode("not a token!")).isEmpty();
        assertThat(DeltaToken.decode("eyJhIjoxfQ")).isEmpty(); // {"a":1}
        assertThat(DeltaToken.decode("")).isEmpty();
    }
}
