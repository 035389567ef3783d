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
            String messageId = (String) ((List<Map<String, Object>>)
                            structured(call(client, "email_list", Map.of("account_id", "demo", "limit", 1)))
                                    .get("messages"))
                    .get(0)
                    .get("id");
            String eventId = (String) ((List<Map<String, Object>>) structured(call(
                                    client,
                                    "calendar_list_events",
                                    Map.of(
                                            "account_id",
                                            "demo",
                                            "start",
                                            "2020-01-01",
                                            "end",
                                            "2030-01-01",
                                            "limit",
                                            1)))
                            .get("events"))
                    .get(0)
                    .get("id");
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
            assertThat(sizes)
                    .hasSize(10)
                    .allSatisfy((tool, size) -> assertThat(size).as(tool).isLessThan(BUDGET));
        } finally {
            client.closeGracefully();
        }
    }

    /**
     * A text file longer than one part (60,000 characters, under file_get's 64 KB) comes in parts of
     * {@code m365.mcp.answers.max-body-chars} (20,000 on the IT server, the shipped default), each
     * answer saying the total length and the next {@code content_offset}; read to the end, the parts
     * are the file.
     */
    @Test
    @SuppressWarnings("unchecked")
    void fileGet_textFileLongerThanAPart_comesInPartsThatReadBackTheWholeFile() throws Exception {
        ReadinessProbe.await(base.getPort(), null, Duration.ofMinutes(2), "the IT server's console");
        McpSyncClient client = ItServer.client(base);
        try {
            StringBuilder text = new StringBuilder();
            for (int line = 1; text.length() < 60_000; line++) {
                text.append(String.format("line %05d of the long notes, to be read in parts%n", line));
            }
            String whole = text.substring(0, 60_000);
            String folderId = (String)
                    structured(call(client, "folder_create", Map.of("account_id", "demo2", "name", "answer-size")))
                            .get("item_id");
            String fileId = (String) structured(call(
                            client,
                            "file_create",
                            Map.of(
                                    "account_id",
                                    "demo2",
                                    "parent_folder",
                                    folderId,
                                    "name",
                                    "long-notes.txt",
                                    "content",
                                    whole)))
                    .get("item_id");

            CallToolResult first = call(client, "file_get", Map.of("account_id", "demo2", "file_id", fileId));
            int size = ((TextContent) first.content().get(0)).text().length();
            System.out.printf("ANSWER-SIZE | `file_get` (60,000-character text file) | %,d |%n", size);
            Map<String, Object> answer = structured(first);
            assertThat((String) answer.get("content")).hasSize(20_000).isEqualTo(whole.substring(0, 20_000));
            assertThat(answer).containsEntry("next_content_offset", 20_000);
            assertThat((String) answer.get("content_note"))
                    .isEqualTo("characters 0-20000 of 60000 shown; 40000 more:"
                            + " call file_get with content_offset=20000");
            assertThat(size).isLessThan(25_000);

            StringBuilder read = new StringBuilder((String) answer.get("content"));
            Object next = answer.get("next_content_offset");
            int parts = 1;
            while (next != null) {
                Map<String, Object> part = structured(call(
                        client, "file_get", Map.of("account_id", "demo2", "file_id", fileId, "content_offset", next)));
                read.append((String) part.get("content"));
                next = part.get("next_content_offset");
                parts++;
                if (next == null) {
                    assertThat((String) part.get("content_note"))
                            .isEqualTo("characters 40000-60000 of 60000 shown; the end of the content");
                }
            }
            assertThat(parts).isEqualTo(3);
            assertThat(read.toString()).isEqualTo(whole);
        } finally {
            client.closeGracefully();
        }
    }

    private static void measure(
            McpSyncClient client, Map<String, Integer> sizes, String tool, Map<String, Object> arguments) {
        CallToolResult result = call(client, tool, arguments);
        structured(result);
        sizes.put(tool, ((TextContent) result.content().get(0)).text().length());
    }
}
