package org.m365mcp.tools.drive;

import java.net.URI;
import java.util.Objects;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphResponse;
import org.m365mcp.mcp.ToolException;

/**
 * Waits for OneDrive's asynchronous copy: polls the monitor URL of a {@code POST …/copy}'s 202
 * (pre-authenticated, no token) until it reports {@code completed} with the new item's id.
 *
 * <ul>
 *   <li>Bounded: at most {@link #POLLS} polls, {@link #FIRST_WAIT_MS} ms apart at first and doubling
 *       up to one second (about 8 s in all); past that the answer says the copy is still running.</li>
 *   <li>A {@code failed} copy is a tool error.</li>
 *   <li>One instance per call; not thread-safe.</li>
 * </ul>
 */
final class CopyMonitor {

    static final int POLLS = 12;
    static final long FIRST_WAIT_MS = 100;

    /** The copy's id, or null with a message when it is still running. */
    record Result(String itemId, String message) {}

    private final GraphClient graph;

    CopyMonitor(GraphClient graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    Result await(GraphResponse accepted) {
        URI monitor = accepted.location()
                .orElseThrow(() -> new ToolException(
                        "Graph accepted the copy but gave no monitor URL; check file_list for the copy."));
        long wait = FIRST_WAIT_MS;
        for (int poll = 0; poll < POLLS; poll++) {
            var status = graph.getPreAuthenticated(monitor).json();
            switch (status.path("status").asText("")) {
                case "completed":
                    return new Result(status.path("resourceId").asText(null), "Copied.");
                case "failed":
                    throw new ToolException("OneDrive could not copy the file: "
                            + status.path("error").path("message").asText("no reason given"));
                default:
                    sleep(wait);
                    wait = Math.min(1000, wait * 2);
            }
        }
        return new Result(
                null,
                "The copy is still running in OneDrive; it will appear in the destination's" + " file_list when done.");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("Interrupted while waiting for the copy to finish.");
        }
    }
}
