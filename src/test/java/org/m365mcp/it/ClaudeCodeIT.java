package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Claude Code as a user sets it up ({@code src/test/node/claude-code}, its CLI from npm): {@code claude mcp
 * add} with the jar over stdio, then {@code claude mcp list}, which starts the server, initializes an MCP
 * session with it and reports it connected. No model is asked, so this runs offline; Claude Code's
 * settings live in the run's own folder ({@code CLAUDE_CONFIG_DIR}, {@code HOME}).
 */
class ClaudeCodeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void claudeMcpAdd_thenList_startsTheJarOverStdio_andReportsItConnected() throws Exception {
        Path run = StdioRuns.fresh("claude-code");
        Path config = run.resolve("claude-config");
        if (Files.exists(config)) { // an earlier run's settings, which already hold the server
            try (Stream<Path> old = Files.walk(config)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(config);

        List<String> add = new ArrayList<>(List.of("mcp", "add", "--scope", "user", "m365"));
        StdioRuns.serverEnvironment(run).forEach((name, value) -> add.addAll(List.of("--env", name + "=" + value)));
        add.add("--");
        add.addAll(StdioRuns.stdioCommand());
        String added = claude(run, config, "add", add);
        trust(config, run);
        String listed = claude(run, config, "list", List.of("mcp", "list"));

        assertThat(added).contains("Added stdio MCP server m365");
        assertThat(listed).as("claude mcp list").containsPattern("m365: .*m365-mcp\\.jar --stdio - . Connected");
        assertThat(Files.readString(run.resolve("stdio.log")))
                .as("the server's log: Claude Code initialized a session with it")
                .contains("name=claude-code");
    }

    /** Runs {@code claude <arguments>} in {@code run} and gives what it printed, once it exits 0. */
    private static String claude(Path run, Path config, String step, List<String> arguments) throws Exception {
        Path cli = NpmProject.installed("claude-code").resolve("node_modules/.bin/claude");
        List<String> command = new ArrayList<>(List.of(cli.toString()));
        command.addAll(arguments);
        ProcessBuilder client = new ProcessBuilder(command).directory(run.toFile());
        client.environment().put("HOME", run.toString());
        client.environment().put("CLAUDE_CONFIG_DIR", config.toString());
        client.environment().put("MCP_TIMEOUT", String.valueOf(StdioRuns.START.toMillis()));
        client.environment().put("DISABLE_AUTOUPDATER", "1");
        Path out = run.resolve("claude-" + step + "-stdout.txt");
        StdioRuns.exitsZero(
                client, "claude " + String.join(" ", arguments), out, run.resolve("claude-" + step + "-stderr.txt"));
        return Files.readString(out);
    }

    /**
     * Accepts the folder trust dialog for {@code folder}, as a user does on first running {@code claude}
     * there: until then {@code claude mcp list} starts no server of a folder it does not trust.
     */
    private static void trust(Path config, Path folder) throws Exception {
        Path settings = config.resolve(".claude.json");
        ObjectNode root = (ObjectNode) JSON.readTree(settings.toFile());
        root.withObject("/projects")
                .withObject("/" + folder.toString().replace("~", "~0").replace("/", "~1"))
                .put("hasTrustDialogAccepted", true);
        JSON.writerWithDefaultPrettyPrinter().writeValue(settings.toFile(), root);
    }
}
