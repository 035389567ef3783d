package org.m365mcp.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StdioLaunchTest {

    private static Properties home(String home) {
        Properties system = new Properties();
        system.setProperty("user.home", home);
        return system;
    }

    @Test
    void take_withoutStdio_leavesTheArgumentsToPayara() {
        List<String> arguments = new ArrayList<>(List.of("--rootdir", "/tmp/r"));

        assertThat(StdioLaunch.take(arguments, home("/home/u"), Map.of())).isEmpty();
        assertThat(arguments).containsExactly("--rootdir", "/tmp/r");
    }

    @Test
    void take_stdio_removesOurFlags_andLogsToTheHomeFileByDefault() {
        List<String> arguments = new ArrayList<>(List.of("--stdio", "--rootdir", "/tmp/r"));

        Optional<StdioLaunch> launch = StdioLaunch.take(arguments, home("/home/u"), Map.of());

        assertThat(launch).contains(new StdioLaunch(false, Path.of("/home/u", ".m365_mcp_stdio.log")));
        assertThat(arguments).containsExactly("--rootdir", "/tmp/r");
    }

    @Test
    void take_stdioWithHttp_servesBoth_andTheLogFileComesFromTheEnvironment_orAProperty() {
        List<String> arguments = new ArrayList<>(List.of("--http", "--stdio"));

        assertThat(StdioLaunch.take(arguments, home("/home/u"), Map.of("M365_MCP_LOG_FILE", " /var/log/m.log ")))
                .contains(new StdioLaunch(true, Path.of("/var/log/m.log")));
        assertThat(arguments).isEmpty();

        Properties system = home("/home/u");
        system.setProperty("m365.mcp.log-file", "/tmp/p.log");
        assertThat(StdioLaunch.take(
                        new ArrayList<>(List.of("--stdio")), system, Map.of("M365_MCP_LOG_FILE", "/var/log/m.log")))
                .map(StdioLaunch::logFile)
                .contains(Path.of("/tmp/p.log"));
    }

    @Test
    void take_httpWithoutStdio_isRefusedWithWhatItGoesWith() {
        assertThatThrownBy(() -> StdioLaunch.take(new ArrayList<>(List.of("--http")), home("/h"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--http goes with --stdio");
    }

    @Test
    void port_isTheSettingsPort_whenHttpIsAskedFor_orThePortWasSet() throws Exception {
        LaunchSettings settings = new LaunchSettings("127.0.0.1", 9123);

        assertThat(new StdioLaunch(true, Path.of("l")).port(settings, false)).isEqualTo(9123);
        assertThat(new StdioLaunch(false, Path.of("l")).port(settings, true)).isEqualTo(9123);
    }

    @Test
    void port_isAFreeLoopbackPort_whenNeitherHttpNorAPortIsAskedFor() throws Exception {
        int port = new StdioLaunch(false, Path.of("l")).port(new LaunchSettings("127.0.0.1", 8080), false);

        assertThat(port).isNotEqualTo(8080).isBetween(1, 65_535);
        try (ServerSocket bind = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(bind.getLocalPort()).as("free to bind").isEqualTo(port);
        }
    }
}
