package org.m365mcp.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HelpTextTest {

    @Test
    void print_namesEverySettingWithItsDefault() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HelpText.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String help = bytes.toString(StandardCharsets.UTF_8);

        assertThat(help).startsWith("Usage: java").contains("--help").contains("demo mode");
        assertThat(HelpText.SETTINGS)
                .allSatisfy(setting -> assertThat(help)
                        .containsPattern("(?m)^  " + setting.variable() + " +"
                                + java.util.regex.Pattern.quote(setting.defaultValue())));
        assertThat(help).contains("M365_MCP_HOST").contains("M365_MCP_PORT");
        assertThat(help).contains("--stdio").contains("--http").contains("stdin closes");
    }

    @Test
    void print_namesTheShorterColdStartOption() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HelpText.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("java -XX:TieredStopAtLevel=1 -jar m365-mcp.jar");
    }

    /**
     * Read from the environment itself, not through MicroProfile Config: the key (by cache.key), the
     * stdio log file (by the launcher, before the application exists).
     */
    private static final Set<String> READ_FROM_THE_ENVIRONMENT = Set.of("M365_MCP_CACHE_KEY", "M365_MCP_LOG_FILE");

    @Test
    void settings_areTheServersOwn_documentedInTheReadme_andMicroProfileConfigKeys() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Properties defaults = new Properties();
        defaults.load(new StringReader(
                Files.readString(Path.of("src/main/resources/META-INF/microprofile-config.properties"))));
        Set<String> variables = defaults.stringPropertyNames().stream()
                .map(key -> key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"))
                .collect(Collectors.toSet());

        assertThat(HelpText.SETTINGS).allSatisfy(setting -> {
            assertThat(readme).as("README names %s", setting.variable()).contains(setting.variable());
            if (!READ_FROM_THE_ENVIRONMENT.contains(setting.variable())) {
                assertThat(variables).as("a MicroProfile Config key").contains(setting.variable());
            }
        });
    }
}
