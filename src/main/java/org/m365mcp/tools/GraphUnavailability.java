package org.m365mcp.tools;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.m365mcp.cache.annotation.SourceFailures;
import org.m365mcp.graph.GraphException;

/**
 * Which tool failures mean that Microsoft Graph could not answer ({@link GraphException#isUnavailable()}),
 * worded for the stale-if-error note; Graph's own answers that the request is wrong (404, 403, 400)
 * are not. The first {@link GraphException} in the cause chain decides. Stateless.
 */
@ApplicationScoped
public class GraphUnavailability implements SourceFailures {

    @Override
    public Optional<String> unavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof GraphException graph) {
                return graph.isUnavailable()
                        ? Optional.of("Microsoft Graph failed (" + why(graph) + ")")
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String why(GraphException failure) {
        if (failure.status() == 429) {
            return "HTTP 429: throttled past the retries";
        }
        if (failure.status() > 0) {
            return "HTTP " + failure.status();
        }
        return GraphException.NETWORK_ERROR.equals(failure.code()) ? "could not be reached" : "no answer in time";
    }
}
