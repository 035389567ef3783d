package org.m365mcp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTextTest {

    @Test
    void units_areBinary() {
        assertThat(ByteSizeText.parse("p", "51200")).isEqualTo(51_200);
        assertThat(ByteSizeText.parse("p", "50KB")).isEqualTo(51_200);
        assertThat(ByteSizeText.parse("p", "10 mb")).isEqualTo(10L * 1024 * 1024);
        assertThat(ByteSizeText.parse("p", "2GB")).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(ByteSizeText.parse("p", "7b")).isEqualTo(7);
    }

    @Test
    void notASize_namesTheProperty() {
        assertThatThrownBy(() -> ByteSizeText.parse("m365.mcp.cache.soft-limit", "lots"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m365.mcp.cache.soft-limit")
                .hasMessageContaining("'lots'");
        assertThatThrownBy(() -> ByteSizeText.parse("p", "-1MB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteSizeText.parse("p", "99999999999GB")).hasMessageContaining("too large");
    }
}
