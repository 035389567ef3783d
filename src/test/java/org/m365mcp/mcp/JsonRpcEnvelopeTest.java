package org.m365mcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the MCP edge takes as one JSON-RPC 2.0 message, and the error for everything else. */
class JsonRpcEnvelopeTest {

    private static McpMessage read(String body) throws McpEdgeRejection {
        return JsonRpcEnvelope.read(JsonRpcEnvelope.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static McpErrorAnswer refusal(String body) {
        return catchThrowableOfType(McpEdgeRejection.class, () -> read(body)).answer();
    }

    @Test
    void read_requestNotificationAndResponse_knowsWhichIsWhich() throws Exception {
        assertThat(read("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}"))
                .extracting(McpMessage::kind, m -> m.id().asInt(), McpMessage::method)
                .containsExactly(McpMessage.Kind.REQUEST, 7, "tools/list");
        assertThat(read("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                        .kind())
                .isEqualTo(McpMessage.Kind.NOTIFICATION);
        assertThat(read("{\"jsonrpc\":\"2.0\",\"id\":\"s-1\",\"result\":{}}").kind())
                .isEqualTo(McpMessage.Kind.RESPONSE);
        assertThat(read("{\"jsonrpc\":\"2.0\",\"id\":\"s-2\",\"error\":{\"code\":-1,\"message\":\"no\"}}")
                        .kind())
                .isEqualTo(McpMessage.Kind.RESPONSE);
    }

    @Test
    void read_notOneJsonValue_isParseErrorWithoutId() {
        for (String body : new String[] {
            "",
            "{\"jsonrpc\":\"2.0\",",
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"} garbage",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"ping\"}",
            "{} {}"
        }) {
            McpErrorAnswer answer = refusal(body);
            assertThat(answer.code()).as(body).isEqualTo(McpErrorAnswer.PARSE_ERROR);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.id().isNull()).isTrue();
        }
    }

    @Test
    void read_notOneMessageObject_isInvalidRequest() {
        assertThat(refusal("null").code()).isEqualTo(McpErrorAnswer.INVALID_REQUEST);
        assertThat(refusal("42").code()).isEqualTo(McpErrorAnswer.INVALID_REQUEST);
        assertThat(refusal("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]")
                        .message())
                .contains("batches");
    }

    @Test
    void read_wrongEnvelope_isInvalidRequestWithTheIdWhenValid() {
        McpErrorAnswer version = refusal("{\"jsonrpc\":\"1.0\",\"id\":8,\"method\":\"tools/list\"}");
        assertThat(version.code()).isEqualTo(McpErrorAnswer.INVALID_REQUEST);
        assertThat(version.id().asInt()).isEqualTo(8);
        assertThat(refusal("{\"id\":8,\"method\":\"tools/list\"}").code()).isEqualTo(McpErrorAnswer.INVALID_REQUEST);
        assertThat(refusal("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}")
                        .id()
                        .isNull())
                .isTrue();
        assertThat(refusal("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}")
                        .code())
                .isEqualTo(McpErrorAnswer.INVALID_REQUEST);
        assertThat(refusal("{\"jsonrpc\":\"2.0\",\"id\":99999999999999999999,\"method\":\"ping\"}")
                        .code())
                .isEqualTo(McpErrorAnswer.INVALID_REQUEST);
        assertThat(refusal("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}").code())
                .isEqualTo(McpErrorAnswer.INVALID_REQUEST);
        assertThat(refusal("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"result\":{}}")
                        .code())
                .isEqualTo(McpErrorAnswer.INVALID_REQUEST);
        assertThat(refusal("{\"jsonrpc\":\"2.0\",\"id\":1}").code()).isEqualTo(McpErrorAnswer.INVALID_REQUEST);
        assertThat(refusal("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[]}").code())
                .isEqualTo(McpErrorAnswer.INVALID_REQUEST);
        assertThat(refusal("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":\"x\"}").code())
                .isEqualTo(McpErrorAnswer.INVALID_REQUEST);
        assertThat(refusal("{\"jsonrpc\":\"2.0\",\"method\":\"initialize\",\"params\":{}}")
                        .code())
                .isEqualTo(McpErrorAnswer.INVALID_REQUEST);
    }

    @Test
    void read_paramsOfTheWrongShape_isInvalidParams() {
        for (String params : new String[] {
            "[1,2]",
            "\"x\"",
            "null",
            "{\"name\":\"server_get_version\",\"arguments\":[1]}",
            "{\"name\":\"server_get_version\",\"arguments\":\"x\"}",
            "{\"name\":5}",
            "{}"
        }) {
            McpErrorAnswer answer =
                    refusal("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":" + params + "}");
            assertThat(answer.code()).as(params).isEqualTo(McpErrorAnswer.INVALID_PARAMS);
            assertThat(answer.id().asInt()).isEqualTo(2);
        }
        assertThat(refusal(
                                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}")
                        .code())
                .isEqualTo(McpErrorAnswer.INVALID_PARAMS);
        assertThat(refusal("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\",\"params\":[]}")
                        .code())
                .isEqualTo(McpErrorAnswer.INVALID_PARAMS);
    }

    @Test
    void json_isAJsonRpcErrorResponseWithoutInternals() {
        assertThat(refusal("{\"jsonrpc\":\"1.0\",\"id\":\"a\\\"b\",\"method\":\"ping\"}")
                        .json())
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"a\\\"b\",\"error\":{\"code\":-32600,"
                        + "\"message\":\"Invalid request: \\\"jsonrpc\\\" must be \\\"2.0\\\"\"}}");
    }
}
