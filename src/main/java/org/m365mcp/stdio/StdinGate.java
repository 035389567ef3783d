package org.m365mcp.stdio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.m365mcp.mcp.CallKey;
import org.m365mcp.mcp.RunningCalls;

/**
 * Stands between the process's stdin and the SDK's stdio transport, which ends the session at the first
 * line it cannot read: only JSON-RPC messages pass on; any other line is answered on stdout with a
 * JSON-RPC error (parse error, or invalid request with the line's {@code id} where it has one) and the
 * session goes on. When stdin ends, the transport's input ends too and {@code ended} runs once.
 *
 * <ul>
 *   <li>A line longer than {@value #MAX_LINE_BYTES} bytes is skipped to its end, never held whole, and
 *       answered as an invalid request.</li>
 *   <li>Empty lines are ignored. What a refused line said is never logged, only its size.</li>
 *   <li>A tools/call is stamped with its {@link CallKey}; a {@code notifications/cancelled} naming a
 *       running call stops it and goes no further ({@link RunningCalls}): the SDK would drop it.</li>
 * </ul>
 */
final class StdinGate implements Runnable {

    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;
    private static final int PIPE_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(StdinGate.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputStream stdin;
    private final StdoutLines stdout;
    private final McpJsonMapper mapper;
    private final Runnable ended;
    private final RunningCalls calls;
    private final PipedOutputStream toTransport = new PipedOutputStream();
    private final PipedInputStream transportInput;

    StdinGate(InputStream stdin, StdoutLines stdout, McpJsonMapper mapper, RunningCalls calls, Runnable ended)
            throws IOException {
        this.stdin = new BufferedInputStream(stdin);
        this.calls = calls;
        this.stdout = stdout;
        this.mapper = mapper;
        this.ended = ended;
        this.transportInput = new PipedInputStream(toTransport, PIPE_BYTES);
    }

    /** What the SDK's transport reads: the JSON-RPC lines of stdin. */
    InputStream transportInput() {
        return transportInput;
    }

    @Override
    public void run() {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean tooLong = false;
            for (int b = stdin.read(); b >= 0; b = stdin.read()) {
                if (b != '\n') {
                    tooLong |= line.size() >= MAX_LINE_BYTES;
                    if (!tooLong) {
                        line.write(b);
                    }
                    continue;
                }
                pass(line.toString(StandardCharsets.UTF_8).strip(), tooLong);
                line.reset();
                tooLong = false;
            }
            pass(line.toString(StandardCharsets.UTF_8).strip(), tooLong);
        } catch (IOException e) {
            LOG.warning(() ->
                    "MCP over stdio: reading stdin failed (" + e.getClass().getSimpleName() + ")");
        } finally {
            try {
                toTransport.close();
            } catch (IOException ignored) {
                // the transport's side is gone already
            }
            ended.run();
        }
    }

    /** Hands {@code line} to the transport, or answers it when it is not a JSON-RPC message. */
    private void pass(String line, boolean tooLong) throws IOException {
        if (tooLong) {
            refuse(error(null, -32600, "Invalid Request: a line longer than " + MAX_LINE_BYTES + " bytes"), "too long");
            return;
        }
        if (line.isEmpty()) {
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(line);
        } catch (IOException notJson) {
            refuse(error(null, -32700, "Parse error: the line is not JSON"), line.length() + " characters, not JSON");
            return;
        }
        try {
            McpSchema.deserializeJsonRpcMessage(mapper, line);
        } catch (RuntimeException | IOException notJsonRpc) {
            refuse(
                    error(
                            json.get("id"),
                            -32600,
                            "Invalid Request: not a JSON-RPC 2.0 request, notification or response"),
                    line.length() + " characters, not JSON-RPC");
            return;
        }
        if (calls.cancels(CallKey.STDIO, json)) {
            return;
        }
        String passed = calls.stamp(CallKey.STDIO, json) ? json.toString() : line;
        toTransport.write((passed + "\n").getBytes(StandardCharsets.UTF_8));
        toTransport.flush();
    }

    private void refuse(String answer, String what) throws IOException {
        LOG.warning(() -> "MCP over stdio: answered a line of stdin with an error (" + what + ")");
        stdout.writeLine(answer);
    }

    private static String error(JsonNode id, int code, String message) {
        ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0");
        if (id != null && (id.isTextual() || id.isIntegralNumber())) {
            answer.set("id", id);
        } else {
            answer.putNull("id");
        }
        answer.putObject("error").put("code", code).put("message", message);
        return answer.toString();
    }
}
