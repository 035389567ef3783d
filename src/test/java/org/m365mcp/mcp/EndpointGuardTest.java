package org.m365mcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.server.transport.HeaderAccessor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The access rules the MCP endpoint and the admin API share. */
class EndpointGuardTest {

    private static final String TOKEN = "guard-test-token";

    private static EndpointGuard guard(Optional<String> token) {
        return EndpointGuard.of(new McpEndpointSettings(
                "127.0.0.1",
                8080,
                "/mcp",
                List.of("http://localhost:*"),
                List.of("127.0.0.1:*", "localhost:*"),
                token));
    }

    private static HeaderAccessor headers(String... namesAndValues) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return new HeaderAccessor() {
            @Override
            public List<String> getHeader(String name) {
                return headers.getOrDefault(name, List.of());
            }

            @Override
            public List<String> getHeaderNames() {
                return List.copyOf(headers.keySet());
            }
        };
    }

    @Test
    void check_loopbackHostAndRightToken_passes() {
        assertThat(guard(Optional.of(TOKEN))
                        .check(headers("Host", "127.0.0.1:8080", "authorization", "bearer " + TOKEN)))
                .isEmpty();
    }

    @Test
    void check_noTokenConfigured_passesWithoutAuthorization() {
        assertThat(guard(Optional.empty()).check(headers("Host", "localhost:8080")))
                .isEmpty();
    }

    @Test
    void check_foreignOrigin_isForbidden403() {
        assertThat(guard(Optional.empty()).check(headers("Host", "localhost:8080", "Origin", "http://evil.example")))
                .hasValueSatisfying(rejection -> assertThat(rejection.status()).isEqualTo(403));
    }

    @Test
    void check_foreignHost_isMisdirected421() {
        assertThat(guard(Optional.empty()).check(headers("Host", "evil.example:8080")))
                .hasValueSatisfying(rejection -> assertThat(rejection.status()).isEqualTo(421));
    }

    @Test
    void check_missingToken_isUnauthorized401WithChallenge() {
        EndpointGuard.Rejection rejection = guard(Optional.of(TOKEN))
                .check(headers("Host", "localhost:8080"))
                .orElseThrow();

        assertThat(rejection.status()).isEqualTo(401);
        assertThat(rejection.challenge()).isTrue();
        assertThat(rejection.json()).isEqualTo("{\"error\":\"Missing or invalid bearer token\"}");
    }

    @Test
    void check_wrongToken_isUnauthorizedAndNeitherTokenIsEchoed() {
        EndpointGuard.Rejection rejection = guard(Optional.of(TOKEN))
                .check(headers("Host", "localhost:8080", "Authorization", "Bearer guard-test-tokem"))
                .orElseThrow();

        assertThat(rejection.status()).isEqualTo(401);
        assertThat(rejection.json()).doesNotContain(TOKEN, "guard-test-tokem");
    }

    @Test
    void checkOriginAndHost_tokenConfiguredButAbsent_passes() {
        assertThat(guard(Optional.of(TOKEN)).checkOriginAndHost(headers("Host", "127.0.0.1:8080")))
                .isEmpty();
    }

    @Test
    void checkOriginAndHost_foreignHostOrOrigin_stillRefused() {
        EndpointGuard guard = guard(Optional.of(TOKEN));

        assertThat(guard.checkOriginAndHost(headers("Host", "evil.example:8080")))
                .hasValueSatisfying(rejection -> assertThat(rejection.status()).isEqualTo(421));
        assertThat(guard.checkOriginAndHost(headers("Host", "localhost:8080", "Origin", "http://evil.example")))
                .hasValueSatisfying(rejection -> assertThat(rejection.status()).isEqualTo(403));
    }
}
