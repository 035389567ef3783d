package org.m365mcp.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void snakeAndCamelCase_areEachOthersInverse() {
        assertThat(Names.snakeCase("messageId")).isEqualTo("message_id");
        assertThat(Names.camelCase("message_id")).isEqualTo("messageId");
        assertThat(Names.camelCase("account_id")).isEqualTo("accountId");
        assertThat(Names.camelCase(Names.snakeCase("forceRefreshNow"))).isEqualTo("forceRefreshNow");
        assertThat(Names.camelCase("folder")).isEqualTo("folder");
    }
}
