package org.m365mcp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void parse_shortAndIsoForms() {
        assertThat(DurationText.parse("k", "15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DurationText.parse("k", "2h")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationText.parse("k", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationText.parse("k", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationText.parse("k", "PT4S")).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void parse_garbage_namesTheSetting() {
        assertThatThrownBy(() -> DurationText.parse("m365.mcp.cache.ttl.email_list.fresh", "soon"))
                .hasMessageContaining("m365.mcp.cache.ttl.email_list.fresh")
                .hasMessageContaining("soon");
    }
}
