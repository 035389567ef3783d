package org.m365mcp.graph;

/**
 * A Graph call that did not succeed, with a message a tool can show to the user as is.
 *
 * <ul>
 *   <li>{@link #status()} is the HTTP status, or {@code 0} when no response arrived (network
 *       failure, timeout, interruption).
 *   <li>{@link #code()} is Graph's error code (e.g. {@code ErrorItemNotFound}), never {@code null}.
 *   <li>The message never contains a token nor a response body beyond Graph's own error message.
 * </ul>
 */
public class GraphException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The code of a request that got no answer: Graph could not be reached, or the connection failed. */
    public static final String NETWORK_ERROR = "NetworkError";

    private final int status;
    private final String code;

    /** Creates an exception whose message is used verbatim. */
    public GraphException(int status, String code, String message) {
        this(status, code, message, null);
    }

    /** Creates an exception whose message is used verbatim, keeping its cause. */
    public GraphException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code == null ? "UnknownError" : code;
    }

    /** An error Graph answered, worded {@code Graph returned 404 ErrorItemNotFound: <message>}. */
    public static GraphException fromResponse(int status, String code, String graphMessage) {
        String shown = graphMessage == null || graphMessage.isBlank() ? "(no message)" : graphMessage;
        return new GraphException(status, code, "Graph returned " + status + " " + code + ": " + shown);
    }

    /** HTTP status of Graph's answer, or 0 when there was none. */
    public int status() {
        return status;
    }

    /** Graph's error code, e.g. {@code ErrorItemNotFound}, {@code TooManyRequests}. */
    public String code() {
        return code;
    }

    /** True when the addressed item or folder does not exist (HTTP 404). */
    public boolean isNotFound() {
        return status == 404;
    }

    /**
     * True when Graph could not answer, as opposed to answering that the request is wrong: no
     * connection ({@link #NETWORK_ERROR}), no answer within the call's deadline, a 5xx, or a 429 left
     * after the retries. A 4xx other than 429 (404, 403, 400, ...) is Graph's answer, never this.
     */
    public boolean isUnavailable() {
        if (status == 0) {
            return NETWORK_ERROR.equals(code) || CallDeadline.CODE.equals(code);
        }
        return status == 429 || status >= 500;
    }

    /** True when Graph throttled or was unavailable and retries were exhausted. */
    public boolean isThrottled() {
        return status == 429 || status == 503;
    }
}
