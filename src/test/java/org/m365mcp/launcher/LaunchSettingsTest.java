package org.m365mcp.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LaunchSettingsTest {

    private static Properties properties(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void of_nothingSet_loopbackOn8080() {
        assertThat(LaunchSettings.of(new Properties(), Map.of())).isEqualTo(new LaunchSettings("127.0.0.1", 8080));
    }

    @Test
    void of_environment_choosesTheListener() {
        LaunchSettings settings =
                LaunchSettings.of(new Properties(), Map.of("M365_MCP_HOST", "0.0.0.0", "M365_MCP_PORT", "9000"));

        assertThat(settings).isEqualTo(new LaunchSettings("0.0.0.0", 9000));
    }

    @Test
    void of_systemPropertyAndVariable_thePropertyWins_asInMicroProfileConfig() {
        LaunchSettings settings = LaunchSettings.of(
                properties("m365.mcp.host", "::1", "m365.mcp.port", "9100"),
                Map.of("M365_MCP_HOST", "0.0.0.0", "M365_MCP_PORT", "9000"));

        assertThat(settings).isEqualTo(new LaunchSettings("::1", 9100));
    }

    @Test
    void of_portNotANumberOrOutOfRange_refusedNamingTheSetting() {
        assertThatThrownBy(() -> LaunchSettings.of(new Properties(), Map.of("M365_MCP_PORT", "http")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("M365_MCP_PORT (m365.mcp.port) must be a port from 1 to 65535, not 'http'");
        assertThatThrownBy(() -> LaunchSettings.of(new Properties(), Map.of("M365_MCP_PORT", "70000")))
                .hasMessage("M365_MCP_PORT (m365.mcp.port) must be a port from 1 to 65535, not 70000");
    }

    @Test
    void of_hostThatIsNoHostName_refusedBeforeItReachesAnAsadminCommand() {
        assertThatThrownBy(() -> LaunchSettings.of(
                        new Properties(), Map.of("M365_MCP_HOST", "127.0.0.1\nset configs.config.server-config.x=y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("M365_MCP_HOST (m365.mcp.host) must be a host name or an IP address");
    }

    @Test
    void bootCommands_shippedTemplate_bindTheListenerToTheHost_andKeepTheDataGridOff() throws Exception {
        String template = Files.readString(Path.of("config", "pre-boot-commands.txt"));

        String commands = new LaunchSettings("::1", 8080).bootCommands(template);

        assertThat(commands)
                .doesNotContain(LaunchSettings.HOST_PLACEHOLDER)
                .contains("network-listener.http-listener.address=::1\n")
                .contains("hazelcast-config-specific-configuration.enabled=false");
    }
}
