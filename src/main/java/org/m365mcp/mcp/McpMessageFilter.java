package org.m365mcp.mcp;

import static org.m365mcp.mcp.McpErrorAnswer.BAD_TRANSPORT;
import static org.m365mcp.mcp.McpErrorAnswer.INTERNAL_ERROR;
import static org.m365mcp.mcp.McpErrorAnswer.INVALID_REQUEST;
import static org.m365mcp.mcp.McpErrorAnswer.SESSION_NOT_FOUND;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The MCP endpoint's message edge, behind {@link McpRequestGuard}: checks the transport's header rules
 * ({@link McpHeaderRules}) and reads the body as one strict JSON-RPC message ({@link JsonRpcEnvelope})
 * before the MCP SDK sees it, and answers every refusal, the SDK's included
 * ({@link JsonRpcErrorResponse}), as a JSON-RPC error with the transport's HTTP status.
 *
 * <ul>
 *   <li>A client's mistake is answered with a 4xx, never a 5xx, and is not logged: the SDK, which
 *       logs a SEVERE (sometimes with the body) for each, never sees it.</li>
 *   <li>Bodies are read up to {@value #MAX_BODY_BYTES} bytes, the SDK's own limit (413 beyond).</li>
 *   <li>A tools/call is stamped with its {@link CallKey}; a {@code notifications/cancelled} naming a call
 *       running in the session stops it and is answered 202 here ({@link RunningCalls}): the SDK would
 *       drop it.</li>
 *   <li>Thread-safe.</li>
 * </ul>
 */
final class McpMessageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The MCP SDK's default limit on a request body. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient McpHeaderRules headers;
    private final transient RunningCalls calls;

    /**
     * @param protocolVersions the protocol versions the transport speaks
     * @param calls            the calls in flight, which a tools/call is stamped for and a cancellation stops
     */
    McpMessageFilter(List<String> protocolVersions, RunningCalls calls) {
        this.headers = new McpHeaderRules(protocolVersions);
        this.calls = calls;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            if (!request.getMethod().equals("POST")) {
                headers.check(request.getMethod(), request::getHeader, null);
                headers.checkSession(request::getHeader, null);
                chain.doFilter(request, new JsonRpcErrorResponse(response, status -> translated(status, null)));
                return;
            }
            byte[] body = body(request);
            Optional<JsonNode> json = JsonRpcEnvelope.parse(body);
            headers.check("POST", request::getHeader, JsonRpcEnvelope.idOf(json));
            McpMessage message = JsonRpcEnvelope.read(json);
            headers.checkSession(request::getHeader, message);
            String session = request.getHeader(McpHeaderRules.SESSION_HEADER);
            if (calls.cancels(session, json.get())) {
                response.setStatus(HttpServletResponse.SC_ACCEPTED);
                return;
            }
            byte[] passed = calls.stamp(session, json.get()) ? JSON.writeValueAsBytes(json.get()) : body;
            chain.doFilter(
                    new BufferedBodyRequest(request, passed),
                    new JsonRpcErrorResponse(response, status -> translated(status, message)));
        } catch (McpEdgeRejection rejection) {
            rejection.answer().write(response);
        }
    }

    private static byte[] body(HttpServletRequest request) throws IOException, McpEdgeRejection {
        byte[] body = request.getContentLengthLong() > MAX_BODY_BYTES
                ? null
                : request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body == null || body.length > MAX_BODY_BYTES) {
            throw new McpEdgeRejection(McpErrorAnswer.of(
                    413, BAD_TRANSPORT, "Payload Too Large: a message may have at most " + MAX_BODY_BYTES + " bytes"));
        }
        return body;
    }

    /** The answer for an error status the SDK set after the edge let the request through. */
    static McpErrorAnswer translated(int status, McpMessage message) {
        JsonNode id = message == null ? null : message.id();
        if (status == 404) {
            return new McpErrorAnswer(
                    404,
                    id,
                    SESSION_NOT_FOUND,
                    "Session not found: it ended or never existed; send initialize to start a new one");
        }
        if (status == 503) {
            return new McpErrorAnswer(503, id, BAD_TRANSPORT, "Service Unavailable: the server is shutting down");
        }
        if (status >= 500 && message != null && message.kind() == McpMessage.Kind.RESPONSE) {
            // the SDK fails a response nobody waits for (a replayed or invented id) with a 500
            return new McpErrorAnswer(
                    400,
                    id,
                    INVALID_REQUEST,
                    "Invalid request: no request of this session awaits a response with this id");
        }
        if (status >= 500) {
            return new McpErrorAnswer(500, id, INTERNAL_ERROR, "Internal error");
        }
        return new McpErrorAnswer(status, id, BAD_TRANSPORT, "Request refused (HTTP " + status + ")");
    }
}
