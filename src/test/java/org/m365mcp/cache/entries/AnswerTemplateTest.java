package org.m365mcp.cache.entries;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnswerTemplateTest {

    private static final String PLACEHOLDER = "{\"state\":\"x\"}";

    @Test
    void with_placeholderRendered_putsTheStateWhereItWas() {
        AnswerTemplate template = AnswerTemplate.of("{\"a\":1,\"cache\":{\"state\":\"x\"},\"b\":2}", PLACEHOLDER);

        assertThat(template.with("{\"state\":\"fresh\"}"))
                .isEqualTo("{\"a\":1,\"cache\":{\"state\":\"fresh\"},\"b\":2}");
    }

    @Test
    void with_noPlaceholderRendered_isTheAnswerAsItIs() {
        AnswerTemplate template = AnswerTemplate.of("{\"a\":1}", PLACEHOLDER);

        assertThat(template.with("{\"state\":\"fresh\"}")).isEqualTo("{\"a\":1}");
    }

    @Test
    void of_placeholderTextInsideAString_isNotTheGap() {
        String rendered = "{\"subject\":\"{\\\"state\\\":\\\"x\\\"}\",\"cache\":{\"state\":\"x\"}}";

        AnswerTemplate template = AnswerTemplate.of(rendered, PLACEHOLDER);

        assertThat(template.with("{}")).isEqualTo("{\"subject\":\"{\\\"state\\\":\\\"x\\\"}\",\"cache\":{}}");
    }
}
