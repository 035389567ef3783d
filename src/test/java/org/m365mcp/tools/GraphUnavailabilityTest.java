package org.m365mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.m365mcp.graph.GraphException;
import org.m365mcp.mcp.ToolArgumentException;

/** What stale-if-error is told of a tool's failure: Graph unavailable (and why, for the answer's note) or not. */
class GraphUnavailabilityTest {

    private final GraphUnavailability unavailability = new GraphUnavailability();

    @Test
    void unavailable_serviceUnavailable_saysTheStatus() {
        assertThat(unavailability.unavailable(GraphException.fromResponse(503, "serviceNotAvailable", "down")))
                .contains("Microsoft Graph failed (HTTP 503)");
    }

    @Test
    void unavailable_throttledPastTheRetries_saysSo() {
        assertThat(unavailability.unavailable(GraphException.fromResponse(429, "TooManyRequests", "slow down")))
                .contains("Microsoft Graph failed (HTTP 429: throttled past the retries)");
    }

    @Test
    void unavailable_networkError_saysItCouldNotBeReached() {
        assertThat(unavailability.unavailable(
                        new GraphException(0, GraphException.NETWORK_ERROR, "Could not reach graph.microsoft.com")))
                .contains("Microsoft Graph failed (could not be reached)");
    }

    @Test
    void unavailable_deadlinePassed_saysNoAnswerInTime() {
        assertThat(unavailability.unavailable(new GraphException(0, "DeadlineExceeded", "Graph did not answer")))
                .contains("Microsoft Graph failed (no answer in time)");
    }

    @Test
    void unavailable_graphExceptionAsCause_isFound() {
        RuntimeException wrapped =
                new IllegalStateException("paging failed", GraphException.fromResponse(502, "BadGateway", "proxy"));

        assertThat(unavailability.unavailable(wrapped)).contains("Microsoft Graph failed (HTTP 502)");
    }

    @Test
    void unavailable_notFoundForbiddenBadRequest_isEmpty() {
        assertThat(unavailability.unavailable(GraphException.fromResponse(404, "ErrorItemNotFound", "gone")))
                .isEmpty();
        assertThat(unavailability.unavailable(GraphException.fromResponse(403, "ErrorAccessDenied", "no")))
                .isEmpty();
        assertThat(unavailability.unavailable(GraphException.fromResponse(400, "BadRequest", "bad")))
                .isEmpty();
    }

    @Test
    void unavailable_notFoundWordedAsToolError_orAnotherFailure_isEmpty() {
        assertThat(unavailability.unavailable(new ToolArgumentException("message_id", "no message 'AAMk'")))
                .isEmpty();
        assertThat(unavailability.unavailable(new IllegalArgumentException("limit must be 1-100")))
                .isEmpty();
    }
}
