package org.m365mcp.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which failures of a real GET mean "Graph could not answer" ({@link GraphException#isUnavailable()},
 * what stale-if-error serves the cache for) and which are Graph's answer that the request is wrong.
 * Against a canned server over real HTTP, no retries, so each failure is the first.
 */
class GraphUnavailableTest {

    private FakeGraphServer graph;
    private GraphClient client;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraphServer();
        client = new GraphClient(
                new GraphSettings(graph.baseUrl(), Duration.ofSeconds(5), 0),
                account -> "token",
                HttpClient.newHttpClient());
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private GraphException get() {
        return catchThrowableOfType(GraphException.class, () -> client.get("demo", "/me/messages"));
    }

    private static String error(String code) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"m\"}}";
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"503, serviceNotAvailable", "500, generalException", "504, gatewayTimeout", "429, TooManyRequests"})
    void get_5xxOr429PastTheRetries_isUnavailable(int status, String code) {
        graph.answer(status, error(code));

        assertThat(get().isUnavailable()).isTrue();
    }

    @Test
    void get_serverGone_isUnavailable() {
        graph.close();

        GraphException failure = get();

        assertThat(failure.code()).isEqualTo(GraphException.NETWORK_ERROR);
        assertThat(failure.isUnavailable()).isTrue();
    }

    @Test
    void get_connectionDropped_isUnavailable() {
        graph.dropConnection();

        assertThat(get().isUnavailable()).isTrue();
    }

    @Test
    void get_notFound404_forbidden403_badRequest400_areGraphsAnswer_notUnavailability() {
        graph.answer(404, error("ErrorItemNotFound"))
                .answer(403, error("ErrorAccessDenied"))
                .answer(400, error("BadRequest"));

        assertThat(get().isUnavailable()).as("404").isFalse();
        assertThat(get().isUnavailable()).as("403").isFalse();
        assertThat(get().isUnavailable()).as("400").isFalse();
    }

    @Test
    void deadlinePassed_isUnavailable_interruptionIsNot() {
        assertThat(new GraphException(0, CallDeadline.CODE, "Graph did not answer within 45 s").isUnavailable())
                .isTrue();
        assertThat(new GraphException(0, "Interrupted", "Interrupted while calling Microsoft Graph").isUnavailable())
                .isFalse();
    }
}
