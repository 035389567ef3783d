package org.m365mcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerSchemaValidatorTest {

    private static final Map<String, Object> SCHEMA = Map.of(
            "type", "object",
            "properties", Map.of("count", Map.of("type", "integer")),
            "required", java.util.List.of("count"));
    private static final String OFF_SCHEMA = "{\"count\":\"many\"}";

    private final ObjectMapper json = new ObjectMapper();
    private final AnswerSchemaValidator validator = new AnswerSchemaValidator(McpJsonDefaults.getSchemaValidator());

    @Test
    void validate_renderedAnswerOffSchema_isRefused() {
        assertThat(validator
                        .validate(SCHEMA, new RenderedAnswer(OFF_SCHEMA, false, json))
                        .valid())
                .isFalse();
    }

    @Test
    void validate_renderedAnswerOnSchema_isAccepted() {
        assertThat(validator
                        .validate(SCHEMA, new RenderedAnswer("{\"count\":3}", false, json))
                        .valid())
                .isTrue();
    }

    @Test
    void validate_cacheHitsAnswer_isNotCheckedAgain() {
        assertThat(validator
                        .validate(SCHEMA, new RenderedAnswer(OFF_SCHEMA, true, json))
                        .valid())
                .isTrue();
    }

    @Test
    void validate_aMap_isCheckedAsTheSdkWould() {
        assertThat(validator.validate(SCHEMA, Map.of("count", "many")).valid()).isFalse();
    }
}
