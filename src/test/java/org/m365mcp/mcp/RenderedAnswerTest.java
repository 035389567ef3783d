package org.m365mcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderedAnswerTest {

    private static final String ANSWER = "{\"items\":[1,2],\"cache\":{\"state\":\"fresh\"}}";

    /** A plain mapper, as the SDK's JSON-RPC transport has. */
    private final ObjectMapper transport = new ObjectMapper();

    @Test
    void writtenInAResponse_isTheTextAsItIs() throws Exception {
        CallToolResult result = CallToolResult.builder()
                .structuredContent(new RenderedAnswer(ANSWER, true, transport))
                .build();

        String written = transport.writeValueAsString(result);

        assertThat(written).contains("\"structuredContent\":" + ANSWER);
    }

    @Test
    void readAsAMap_isTheParsedAnswer() {
        Map<String, Object> answer = new RenderedAnswer(ANSWER, false, transport);

        assertThat(answer).containsEntry("items", List.of(1, 2)).containsEntry("cache", Map.of("state", "fresh"));
    }

    @Test
    void convertedInMemory_isTheObjectNotAnEmbeddedValue() {
        JsonNode tree = transport.valueToTree(new RenderedAnswer(ANSWER, false, transport));

        assertThat(tree.isObject()).isTrue();
        assertThat(tree.path("cache").path("state").asText()).isEqualTo("fresh");
    }
}
