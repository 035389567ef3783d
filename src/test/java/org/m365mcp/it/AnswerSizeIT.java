package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The answer size of the ten most used reads with their default arguments against the demo
 * sandbox: characters of the JSON text the MCP client receives. Prints the figures for
 * docs/benchmarks.md and holds each tool to a budget, so a fatter answer is a deliberate change.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnswerSizeIT {

    /** Characters each default answer may take: over three times the largest today (email_list, 11,605). */
    private static final int BUDGET = 40_000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    @Test
    @SuppressWarnings("unchecked")
    void tenMostUsedReads_withDefaultArguments_stayInTheirBudget() throws Exception {
        ReadinessProbe.await(base.getPort(), null, Duration.ofMinutes(2), "the IT server's console");
        McpSyncClient client = ItServer.client(base);
        try {
            Map<String, Integer> sizes = new LinkedHashMap<>();
            String messageId = (String) ((List<Map<String, Object>>) structured(call(client, "email_list",
                    Map.of("account_id", "demo", "limit", 1))).get("messages")).get(0).get("id");
            String eventId = (String) ((List<Map<String, Object>>) structured(call(client, "calendar_list_events",
                    Map.of("account_id", "demo", "start", "2020-01-01", "end", "2030-01-01", "limit", 1)))
                    .get("events")).get(0).get("id");
            measure(client, sizes, "email_list", Map.of("account_id", "demo"));
            measure(client, sizes, "email_get", Map.of("account_id", "demo", "message_id", messageId));
            measure(client, sizes, "search_emails", Map.of("account_id", "demo", "query", "budget"));
            measure(client, sizes, "emailfolders_list", Map.of("account_id", "demo"));
            measure(client, sizes, "calendar_list_events", Map.of("account_id", "demo"));
            measure(client, sizes, "calendar_get_event", Map.of("account_id", "demo", "event_id", eventId));
            measure(client, sizes, "contact_list", Map.of("account_id", "demo"));
            measure(client, sizes, "file_list", Map.of("account_id", "demo"));
            measure(client, sizes, "folder_list", Map.of("account_id", "demo"));
            measure(client, sizes, "search_unified", Map.of("account_id", "demo", "query", "budget"));

            sizes.forEach((tool, size) -> System.out.printf("ANSWER-SIZE | `%s` | %,d |%n", tool, size));
            assertThat(sizes).hasSize(10).allSatisfy((tool, size) -> assertThat(size).as(tool).isLessThan(BUDGET));
        } finally {
            client.closeGracefully();
        }
    }

    private static void measure(McpSyncClient client, Map<String, Integer> sizes, String tool,
            Map<String, Object> arguments) {
        CallToolResult result = call(client, tool, arguments);
        structured(result);
        sizes.put(tool, ((TextContent) result.content().get(0)).text().length());
    }
}
