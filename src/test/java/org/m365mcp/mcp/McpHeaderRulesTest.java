package org.m365mcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The Streamable HTTP transport's header rules at the MCP edge: status and code per mistake. */
class McpHeaderRulesTest {

    private static final String BOTH = "application/json, text/event-stream";
    private final McpHeaderRules rules = new McpHeaderRules(List.of("2025-03-26", "2025-06-18", "2025-11-25"));

    private static UnaryOperator<String> headers(String... namesAndValues) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers::get;
    }

    private McpErrorAnswer refusal(String verb, UnaryOperator<String> headers) {
        return catchThrowableOfType(McpEdgeRejection.class, () -> rules.check(verb, headers, IntNode.valueOf(7)))
                .answer();
    }

    @Test
    void check_wellFormedPostAndGet_pass() {
        assertThatCode(() -> rules.check(
                        "POST",
                        headers(
                                "Content-Type",
                                "application/json; charset=UTF-8",
                                "Accept",
                                BOTH,
                                "MCP-Protocol-Version",
                                "2025-06-18"),
                        null))
                .doesNotThrowAnyException();
        assertThatCode(() -> rules.check("GET", headers("Accept", "text/event-stream"), null))
                .doesNotThrowAnyException();
        assertThatCode(() -> rules.check("DELETE", headers(), null)).doesNotThrowAnyException();
    }

    @Test
    void check_eachMistake_hasItsStatusAndTheRequestsId() {
        assertThat(refusal("PUT", headers()))
                .extracting(McpErrorAnswer::status, McpErrorAnswer::code)
                .containsExactly(405, -32000);
        assertThat(refusal(
                        "POST",
                        headers(
                                "Content-Type",
                                "application/json",
                                "Accept",
                                BOTH,
                                "MCP-Protocol-Version",
                                "1999-01-01")))
                .extracting(McpErrorAnswer::status, McpErrorAnswer::code)
                .containsExactly(400, -32000);
        assertThat(refusal("POST", headers("Content-Type", "text/plain", "Accept", BOTH))
                        .status())
                .isEqualTo(415);
        assertThat(refusal("POST", headers("Content-Type", "application/json; charset=iso-8859-1", "Accept", BOTH))
                        .status())
                .isEqualTo(415);
        assertThat(refusal("POST", headers("Accept", BOTH)).status()).isEqualTo(415);
        assertThat(refusal("POST", headers("Content-Type", "application/json", "Accept", "application/json"))
                        .status())
                .isEqualTo(406);
        assertThat(refusal("GET", headers("Accept", "application/json")).status())
                .isEqualTo(406);
        assertThat(refusal("GET", headers("Accept", "application/json")).id().asInt())
                .isEqualTo(7);
    }

    @Test
    void checkSession_missingOutsideInitialize_isBadRequest() throws Exception {
        McpMessage list = new McpMessage(McpMessage.Kind.REQUEST, IntNode.valueOf(7), "tools/list");
        McpErrorAnswer answer = catchThrowableOfType(McpEdgeRejection.class, () -> rules.checkSession(headers(), list))
                .answer();

        assertThat(answer)
                .extracting(McpErrorAnswer::status, McpErrorAnswer::code)
                .containsExactly(400, -32000);
        assertThat(answer.id().asInt()).isEqualTo(7);
        rules.checkSession(headers(), new McpMessage(McpMessage.Kind.REQUEST, IntNode.valueOf(1), "initialize"));
        assertThat(catchThrowableOfType(McpEdgeRejection.class, () -> rules.checkSession(headers(), null))
                        .answer()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void checkSession_responseToNoRequestOfTheSession_isInvalidRequest() throws Exception {
        UnaryOperator<String> session = headers("Mcp-Session-Id", "abc");
        rules.checkSession(session, new McpMessage(McpMessage.Kind.RESPONSE, TextNode.valueOf("abc-3"), null));

        for (var id : List.of(
                IntNode.valueOf(1), TextNode.valueOf("abd-3"), TextNode.valueOf("abc-x"), TextNode.valueOf("abc-"))) {
            McpErrorAnswer answer = catchThrowableOfType(
                            McpEdgeRejection.class,
                            () -> rules.checkSession(session, new McpMessage(McpMessage.Kind.RESPONSE, id, null)))
                    .answer();
            assertThat(answer)
                    .extracting(McpErrorAnswer::status, McpErrorAnswer::code)
                    .containsExactly(400, -32600);
        }
    }

    @Test
    void translated_sdkStatuses_becomeJsonRpcErrorsAndNever5xxForAClientsResponse() {
        McpMessage response = new McpMessage(McpMessage.Kind.RESPONSE, TextNode.valueOf("abc-1"), null);
        McpMessage request = new McpMessage(McpMessage.Kind.REQUEST, IntNode.valueOf(7), "tools/list");

        assertThat(McpMessageFilter.translated(404, request))
                .extracting(McpErrorAnswer::status, McpErrorAnswer::code)
                .containsExactly(404, -32001);
        assertThat(McpMessageFilter.translated(404, request).id().asInt()).isEqualTo(7);
        assertThat(McpMessageFilter.translated(500, response))
                .extracting(McpErrorAnswer::status, McpErrorAnswer::code)
                .containsExactly(400, -32600);
        assertThat(McpMessageFilter.translated(500, request))
                .extracting(McpErrorAnswer::status, McpErrorAnswer::code)
                .containsExactly(500, -32603);
        assertThat(McpMessageFilter.translated(404, null).id().isNull()).isTrue();
    }
}
