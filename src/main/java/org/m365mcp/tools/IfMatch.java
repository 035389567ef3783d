package org.m365mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphClientRequest;
import org.m365mcp.graph.GraphException;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolException;

/**
 * The optional {@code etag} argument of the tools that change an existing message, event, contact or
 * drive item: sent to Graph as {@code If-Match}, so a change made meanwhile by someone else is
 * refused (412) instead of overwritten, and that refusal worded for the assistant.
 *
 * <ul>
 *   <li>No etag (empty or blank): no {@code If-Match}, the request is sent as it always was.
 *   <li>An etag is sent exactly as given (Outlook's {@code W/"…"}, OneDrive's {@code "{GUID},n"});
 *       one that cannot be an HTTP header value (control or non-ASCII characters, over
 *       {@value #MAX_LENGTH} characters) is an argument error naming {@code etag}.
 *   <li>Immutable and thread-safe.
 * </ul>
 *
 * @param etag     the value to send, or null when none was given
 * @param item     how the error names the item, e.g. {@code message}
 * @param readTool the tool that reads it again, e.g. {@code email_get}
 */
public record IfMatch(String etag, String item, String readTool) {

    /** The argument's name. */
    public static final String ARGUMENT = "etag";

    static final int MAX_LENGTH = 256;

    public IfMatch {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(readTool, "readTool");
    }

    /**
     * The {@code etag} argument as given to a tool that changes an {@code item} read by {@code readTool}.
     *
     * @throws ToolArgumentException naming {@code etag} when it cannot be a header value
     */
    public static IfMatch of(String etag, String item, String readTool) {
        if (etag == null || etag.isBlank()) {
            return new IfMatch(null, item, readTool);
        }
        String given = etag.strip();
        if (given.length() > MAX_LENGTH || !given.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new ToolArgumentException(
                    ARGUMENT, "must be the etag " + readTool + " returned, e.g. W/\"CQAAABYAAAA…\" or \"{…},3\"");
        }
        return new IfMatch(given, item, readTool);
    }

    /** {@code request} with {@code If-Match: etag}, or as it is when no etag was given. */
    public GraphClientRequest on(GraphClientRequest request) {
        return etag == null ? request : request.header("If-Match", etag);
    }

    /**
     * PATCHes {@code body} to {@code path} as {@code accountId}, under {@code If-Match} when an etag
     * was given; Graph's JSON answer.
     *
     * @throws ToolException when Graph refuses because the item's etag is no longer the one given (412)
     * @throws GraphException for Graph's other errors
     */
    public JsonNode patch(GraphClient graph, String accountId, String path, JsonNode body) {
        if (etag == null) {
            return graph.patch(accountId, path, body);
        }
        try {
            return graph.send(accountId, on(GraphClientRequest.patch(path, body)))
                    .json();
        } catch (GraphException e) {
            throw refusedWhenChanged(e);
        }
    }

    /**
     * The tool error for Graph's 412 on a request sent with this etag; {@code failure} itself for
     * anything else (and for a 412 when no etag was sent: that one is not ours to explain).
     */
    public RuntimeException refusedWhenChanged(GraphException failure) {
        if (failure.status() != 412 || etag == null) {
            return failure;
        }
        return new ToolException("Nothing was changed: the " + item + " changed since you read it (etag " + etag
                + " is no longer its current one). Read it again with " + readTool
                + " and, if your change still applies, retry with the etag it returns.");
    }
}
