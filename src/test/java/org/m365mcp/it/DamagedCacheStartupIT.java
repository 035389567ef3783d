package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.m365mcp.cache.key.CacheKey;
import org.m365mcp.cache.store.DamagedFiles;

/**
 * A server started on a cache file damaged while it was down (four pages overwritten in the middle,
 * the key right): the file is set aside, a fresh store serves, and readiness and the log say so.
 *
 * <p>Not an Arquillian test: the damage must be in place before the server opens its store, so this
 * one runs its own Payara Micro process (start-up warming off: the store stays as the check left it).
 */
class DamagedCacheStartupIT {

    private static final int PORT = Integer.getInteger("it.damaged.port", 18085);
    private static final Path WORK = Path.of("target", "it-damaged");

    @Test
    @SuppressWarnings("unchecked")
    void startup_cacheFileWithOverwrittenPages_setsItAsideAndServesFromAFreshStore() throws Exception {
        MicroLauncher launcher =
                MicroLauncher.on(PORT, WORK).emptyWork().store().jvm("-Dm365.mcp.warming.on-startup=false");
        Path file = launcher.cacheFile();
        DamagedFiles.storeWithEntries(file, CacheKey.of(System.getenv("M365_MCP_CACHE_KEY")), Clock.systemUTC());
        DamagedFiles.overwriteFourPagesInTheMiddle(file);
        long damagedSize = Files.size(file);

        Map<String, Object> stats;
        JsonNode store;
        try (MicroProcess payara = launcher.awaitMcp()) {
            McpSyncClient client = ItServer.client(payara.root().toURL());
            try {
                stats = structured(call(client, "cache_get_stats", Map.of()));
                store = cacheStoreReadiness(payara.root());
            } finally {
                client.closeGracefully();
            }
        }

        assertThat(stats).containsEntry("store_open", true).containsEntry("entries", 0);
        assertThat((Map<String, Object>) stats.get("accounts")).doesNotContainKey("account-1");
        assertThat(store.path("status").asText()).isEqualTo("UP");
        assertThat(store.path("data").path("key_ok").asBoolean()).isTrue();
        assertThat(store.path("data").path("set_aside_reason").asText()).isEqualTo("corrupt");
        Path aside = WORK.resolve(store.path("data").path("set_aside").asText());
        assertThat(aside.getFileName().toString()).startsWith("cache.db.corrupt-");
        assertThat(Files.size(aside)).as("moved as it was").isEqualTo(damagedSize);
        assertThat(Files.readString(WORK.resolve("payara.log")))
                .contains("is damaged", aside.getFileName().toString());
    }

    private static JsonNode cacheStoreReadiness(URI root) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(root.resolve("/health/ready"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        for (JsonNode check : new ObjectMapper().readTree(response.body()).path("checks")) {
            if (check.path("name").asText().equals("cache-store")) {
                return check;
            }
        }
        throw new AssertionError("no cache-store check in " + response.body());
    }
}
