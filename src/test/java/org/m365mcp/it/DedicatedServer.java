package org.m365mcp.it;

import io.modelcontextprotocol.client.McpSyncClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MicroProcess} with its own work directory (log, cache file) and start-up warming off, for an IT
 * class whose tool settings differ from the shared server's.
 */
final class DedicatedServer {

    private DedicatedServer() {
    }

    static MicroProcess start(int port, Path work, Map<String, String> settings) throws IOException, InterruptedException {
        return MicroProcess.start(port, work.resolve("payara.log"), List.of(), environment(work, settings));
    }

    /** The same for the runnable jar, {@code java -jar target/m365-mcp.jar}. */
    static MicroProcess startRunnableJar(int port, Path work, Map<String, String> settings)
            throws IOException, InterruptedException {
        return MicroProcess.startRunnableJar(port, work.resolve("payara.log"), environment(work, settings));
    }

    private static Map<String, String> environment(Path work, Map<String, String> settings) throws IOException {
        Files.createDirectories(work);
        for (String file : List.of("payara.log", "cache.db", "cache.db-wal", "cache.db-shm")) {
            Files.deleteIfExists(work.resolve(file));
        }
        Map<String, String> env = new HashMap<>(settings);
        env.put("M365_MCP_CACHE_DB_PATH", work.resolve("cache.db").toAbsolutePath().toString());
        env.put("M365_MCP_CACHE_KEYRING", "false");
        env.put("M365_MCP_WARMING_ON_STARTUP", "false");
        return env;
    }

    static void stop(McpSyncClient client, MicroProcess payara) {
        if (client != null) {
            client.closeGracefully();
        }
        if (payara != null) {
            payara.close();
        }
    }
}
