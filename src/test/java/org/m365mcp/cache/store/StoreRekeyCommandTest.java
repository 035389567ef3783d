package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.cache.store.PlainCaches.CLOCK;
import static org.m365mcp.cache.store.StoreFixtures.KEY;
import static org.m365mcp.cache.store.StoreFixtures.OTHER_KEY;
import static org.m365mcp.cache.store.StoreFixtures.entry;
import static org.m365mcp.cache.store.StoreFixtures.sha256;
import static org.m365mcp.cache.store.StoreFixtures.text;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline rotation an operator runs with the server stopped. */
class StoreRekeyCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Path file() {
        return dir.resolve("cache.db");
    }

    @BeforeEach
    void store() {
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file()), KEY, CLOCK)) {
            store.write(entry("k1", text(100)));
        }
    }

    private int run(Map<String, String> environment, String... args) {
        return StoreRekeyCommand.run(
                args,
                environment::get,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_keysInEnvironment_rekeysTheFileAndPrintsNoKey() {
        int status = run(
                Map.of("M365_MCP_CACHE_KEY", KEY.secret(), "M365_MCP_NEW_CACHE_KEY", OTHER_KEY.secret()),
                file().toString());

        assertThat(status).isZero();
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file()), OTHER_KEY, CLOCK)) {
            assertThat(store.read("k1")).isPresent();
        }
        assertThat(output()).contains("Re-keyed " + file()).doesNotContain(KEY.secret(), OTHER_KEY.secret());
    }

    @Test
    void run_wrongCurrentKey_exits1AndLeavesTheFileUnchanged() {
        String before = sha256(file());

        int status = run(
                Map.of("M365_MCP_CACHE_KEY", "not-the-key-0123456789", "M365_MCP_NEW_CACHE_KEY", OTHER_KEY.secret()),
                file().toString());

        assertThat(status).isEqualTo(1);
        assertThat(sha256(file())).isEqualTo(before);
        assertThat(output()).startsWith("Not re-keyed:").doesNotContain("not-the-key-0123456789", OTHER_KEY.secret());
    }

    @Test
    void run_newKeyMissing_exits2WithUsage() {
        int status = run(Map.of("M365_MCP_CACHE_KEY", KEY.secret()), file().toString());

        assertThat(status).isEqualTo(2);
        assertThat(output()).startsWith("Usage: M365_MCP_CACHE_KEY=<current key> M365_MCP_NEW_CACHE_KEY=<new key>");
    }
}
