package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.cacheState;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import io.modelcontextprotocol.client.McpSyncClient;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * {@code POST /admin/cache/rekey} on Payara Micro: guarded like /mcp, refuses an environment key
 * without a new one, and re-keys the live store under cached reads. The IT server's key comes from
 * {@code M365_MCP_CACHE_KEY} (pom.xml), so the test supplies the new key, and puts the original back
 * at the end for the other IT classes sharing the store file.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CacheKeyRotationIT {

    /** Matches M365_MCP_CACHE_KEY in the failsafe configuration (pom.xml). */
    private static final String IT_KEY = "it-only-key-0123456789abcdef0123456789abcdef";

    private static final String NEW_KEY = "it-rotated-key-fedcba9876543210fedcba9876543210";
    /** The IT server's store (arquillian.xml: m365.mcp.cache.db-path). */
    private static final Path STORE = Path.of("target/it/cache.db");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> rekey(String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ItServer.root(base) + "/admin/cache/rekey"))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> rekeyTo(String key) throws Exception {
        return rekey("{\"new_key\":\"" + key + "\"}", "Authorization", "Bearer " + ItServer.TOKEN);
    }

    @Test
    void rekey_withoutToken_isUnauthorizedAndChangesNothing() throws Exception {
        HttpResponse<String> response = rekey("{\"new_key\":\"" + NEW_KEY + "\"}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.body()).doesNotContain(NEW_KEY);
        assertThat(storeEntries(IT_KEY)).as("still under the original key").isNotNegative();
    }

    @Test
    void rekey_fromForeignOrigin_isForbidden() throws Exception {
        assertThat(rekey(null, "Origin", "http://evil.example", "Authorization", "Bearer " + ItServer.TOKEN)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void rekey_environmentKeyWithoutNewKey_isConflictExplainingTheProcedure() throws Exception {
        HttpResponse<String> response = rekey(null, "Authorization", "Bearer " + ItServer.TOKEN);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body())
                .contains("\"rekeyed\":false", "\"key_source\":\"environment\"", "M365_MCP_CACHE_KEY", "new_key")
                .doesNotContain(IT_KEY);
    }

    @Test
    void rekey_withNewKey_rekeysTheFileAndCachedReadsKeepWorking() throws Exception {
        McpSyncClient client = ItServer.client(base);
        try {
            // the store file outlives the server: force_refresh makes each first call a miss whatever
            // an earlier run left in it
            Map<String, Object> before = Map.of("account_id", "demo", "limit", 11);
            assertThat(cacheState(call(client, "email_list", refreshed(before))))
                    .isEqualTo("miss");

            HttpResponse<String> rotated = rekeyTo(NEW_KEY);

            try {
                assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
                assertThat(rotated.body())
                        .contains(
                                "\"rekeyed\":true",
                                "\"key_source\":\"environment\"",
                                "\"action_required\":\"Set M365_MCP_CACHE_KEY")
                        .doesNotContain(NEW_KEY, IT_KEY);
                assertThat(storeEntries(NEW_KEY))
                        .as("the file on disk opens with the new key")
                        .isPositive();
                assertThat(cacheState(call(client, "email_list", before)))
                        .as("served from the cache, 4 s fresh TTL")
                        .isIn("fresh", "stale");
                Map<String, Object> after = Map.of("account_id", "demo", "limit", 12);
                assertThat(cacheState(call(client, "email_list", refreshed(after))))
                        .isEqualTo("miss");
                assertThat(cacheState(call(client, "email_list", after))).isEqualTo("fresh");
                Map<String, Object> stats = structured(call(client, "cache_get_stats", Map.of()));
                assertThat(stats.get("store_open")).isEqualTo(true);
                assertThat(((Number) stats.get("entries")).longValue()).isGreaterThanOrEqualTo(2);
            } finally {
                if (rotated.statusCode() == 200) {
                    assertThat(rekeyTo(IT_KEY).statusCode())
                            .as("the original key back")
                            .isEqualTo(200);
                }
            }
            assertThat(storeEntries(IT_KEY)).isPositive();
        } finally {
            client.closeGracefully();
        }
    }

    private static Map<String, Object> refreshed(Map<String, Object> arguments) {
        Map<String, Object> refreshed = new java.util.HashMap<>(arguments);
        refreshed.put("force_refresh", true);
        return refreshed;
    }

    /** Entries in the IT server's store file, read from this JVM with {@code key}. */
    private static long storeEntries(String key) throws Exception {
        try (Connection connection = new org.sqlite.JDBC()
                        .connect(
                                "jdbc:sqlite:" + STORE.toAbsolutePath(),
                                SQLiteMCSqlCipherConfig.getV4Defaults()
                                        .withKey(key)
                                        .build()
                                        .toProperties());
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM cache_entries")) {
            count.next();
            return count.getLong(1);
        }
    }
}
