package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.m365mcp.it.ItServer.cacheState;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.BlobResourceContents;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ResourceLink;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mail read tools over MCP on Payara Micro against the sandbox: email_list paging and bodies,
 * email_get, email_get_attachment (files confined to the IT server's download directory, read back
 * over MCP through their resource link by the same client only) and
 * search_emails, with their cache behaviour. Tests pick distinct folders, accounts or arguments so
 * their cache keys are their own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailReadToolsIT {

    /** The IT server's m365.mcp.downloads.dir (src/test/resources/arquillian.xml). */
    private static final Path DOWNLOADS = Path.of("target/it/downloads").toAbsolutePath();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    private McpSyncClient client;
    private SandboxAdmin sandbox;

    @BeforeEach
    void connect() {
        client = ItServer.client(base);
        sandbox = new SandboxAdmin(base);
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
    }

    private Map<String, Object> ok(String tool, Object... keysAndValues) {
        return structured(call(client, tool, arguments(keysAndValues)));
    }

    private String errorText(String tool, Object... keysAndValues) {
        CallToolResult result = call(client, tool, arguments(keysAndValues));
        assertThat(result.isError()).as("%s should fail", tool).isTrue();
        return ((TextContent) result.content().get(0)).text();
    }

    private static Map<String, Object> arguments(Object... keysAndValues) {
        Map<String, Object> arguments = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            arguments.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return arguments;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> answer, String key) {
        return (List<Map<String, Object>>) answer.get(key);
    }

    private static List<Object> ids(List<Map<String, Object>> items) {
        return items.stream().map(item -> item.get("id")).toList();
    }

    /** A message of {@code account}'s inbox that has an attachment. */
    private Map<String, Object> messageWithAttachment(String account) {
        return list(ok("email_list", "account_id", account, "limit", 40), "messages").stream()
                .filter(m -> Boolean.TRUE.equals(m.get("has_attachments")))
                .findFirst()
                .orElseThrow();
    }

    private Map<String, Object> firstAttachment(String account, String messageId) {
        return list(ok("email_get", "account_id", account, "message_id", messageId, "use_cache", false), "attachments")
                .get(0);
    }

    @Test
    void emailList_nextSkip_continuesWhereThePageEnded_lastPageHasNone() {
        List<Object> whole =
                ids(list(ok("email_list", "account_id", "demo2", "folder", "archive", "limit", 6), "messages"));

        Map<String, Object> first = ok("email_list", "account_id", "demo2", "folder", "archive", "limit", 3);
        Map<String, Object> second = ok(
                "email_list", "account_id", "demo2", "folder", "archive", "limit", 3, "skip", first.get("next_skip"));
        Map<String, Object> last = ok("email_list", "account_id", "demo2", "folder", "archive", "limit", 3, "skip", 24);

        assertThat(first.get("next_skip")).isEqualTo(3);
        assertThat(second).containsEntry("skip", 3).containsEntry("next_skip", 6);
        assertThat(ids(list(first, "messages"))).containsExactlyElementsOf(whole.subList(0, 3));
        assertThat(ids(list(second, "messages"))).containsExactlyElementsOf(whole.subList(3, 6));
        assertThat(list(last, "messages")).as("the archive holds 25 messages").hasSize(1);
        assertThat(last).doesNotContainKey("next_skip");
    }

    @Test
    void emailList_includeBody_eachMessageCarriesItsTextBody_notByDefault() {
        Map<String, Object> withBodies =
                ok("email_list", "account_id", "demo2", "folder", "sentitems", "limit", 2, "include_body", true);
        Map<String, Object> without = ok("email_list", "account_id", "demo2", "folder", "sentitems", "limit", 2);

        assertThat(list(withBodies, "messages")).allSatisfy(m -> {
            assertThat((String) m.get("body")).isNotBlank();
            assertThat(m).containsEntry("body_truncated", false);
        });
        assertThat(list(without, "messages"))
                .allSatisfy(m -> assertThat(m).doesNotContainKeys("body", "body_truncated"));
    }

    @Test
    void emailList_unknownFolder_isAnArgumentError() {
        assertThat(errorText("email_list", "account_id", "demo", "folder", "AQMkAGnoSuchFolderAAAA"))
                .startsWith("Invalid argument 'folder': no mail folder");
        assertThat(errorText("email_list", "account_id", "demo", "folder", ".."))
                .startsWith("Invalid argument 'folder'");
    }

    @Test
    void emailGet_message_detailsAndAttachmentsListed_secondCallFreshFromCache() throws Exception {
        Map<String, Object> summary = messageWithAttachment("demo");
        long before = sandbox.graphRequests();

        // force_refresh: the IT store outlives a run, so a plain first call may find last run's entry.
        CallToolResult first = call(
                client,
                "email_get",
                Map.of("account_id", "demo", "message_id", summary.get("id"), "force_refresh", true));
        CallToolResult second =
                call(client, "email_get", Map.of("account_id", "demo", "message_id", summary.get("id")));

        Map<String, Object> detail = structured(first);
        assertThat(detail)
                .containsEntry("id", summary.get("id"))
                .containsEntry("subject", summary.get("subject"))
                .containsEntry("from", summary.get("from"))
                .containsEntry("body_format", "text")
                .containsEntry("body_truncated", false)
                .containsKeys("to", "received_at", "sent_at", "conversation_id");
        assertThat((String) detail.get("body")).isNotBlank();
        assertThat(list(detail, "attachments")).singleElement().satisfies(a -> {
            assertThat(a).containsKeys("id", "name", "size", "content_type").containsEntry("is_inline", false);
            assertThat(a).doesNotContainKey("content_bytes");
        });
        assertThat(cacheState(first)).isEqualTo("miss");
        assertThat(cacheState(second)).isEqualTo("fresh");
        assertThat(sandbox.graphRequests() - before)
                .as("message and its attachments, once")
                .isEqualTo(2);
    }

    @Test
    void emailGet_unknownIdOrBadFormat_isAnArgumentErrorNamingIt() {
        assertThat(errorText("email_get", "account_id", "demo", "message_id", "AAMkAGnoSuchMessageAAA="))
                .isEqualTo("Invalid argument 'message_id': no message with id 'AAMkAGnoSuchMessageAAA='");
        assertThat(errorText("email_get", "account_id", "demo", "message_id", "../mailFolders"))
                .startsWith("Invalid argument 'message_id': must be a message id");
        assertThat(errorText("email_get", "account_id", "demo", "message_id", "AAMkAGx", "body_format", "pdf"))
                .startsWith("Invalid argument 'body_format'");
    }

    @Test
    void emailGet_signingOutOneAccount_dropsItsEntriesOnly() {
        String demoMessage = (String) messageWithAttachment("demo").get("id");
        String demo2Message = (String) messageWithAttachment("demo2").get("id");
        call(
                client,
                "email_get",
                Map.of("account_id", "demo", "message_id", demoMessage, "body_format", "html", "force_refresh", true));
        call(
                client,
                "email_get",
                Map.of(
                        "account_id",
                        "demo2",
                        "message_id",
                        demo2Message,
                        "body_format",
                        "html",
                        "force_refresh",
                        true));

        ok("account_sign_out", "account_id", "demo2", "confirm", true);

        assertThat(cacheState(call(
                        client,
                        "email_get",
                        Map.of("account_id", "demo2", "message_id", demo2Message, "body_format", "html"))))
                .isEqualTo("miss");
        assertThat(cacheState(call(
                        client,
                        "email_get",
                        Map.of("account_id", "demo", "message_id", demoMessage, "body_format", "html"))))
                .as("the other account's entry is untouched")
                .isEqualTo("fresh");
    }

    @Test
    void emailGet_afterEmailFlag_isAMissShowingTheFlag_otherAccountsEntryUntouched() {
        String flagged =
                (String) list(ok("email_list", "account_id", "demo2", "folder", "junkemail", "limit", 1), "messages")
                        .get(0)
                        .get("id");
        String other =
                (String) list(ok("email_list", "account_id", "demo", "folder", "junkemail", "limit", 1), "messages")
                        .get(0)
                        .get("id");
        call(client, "email_get", Map.of("account_id", "demo2", "message_id", flagged, "force_refresh", true));
        call(client, "email_get", Map.of("account_id", "demo", "message_id", other, "force_refresh", true));
        assertThat(cacheState(call(client, "email_get", Map.of("account_id", "demo2", "message_id", flagged))))
                .isEqualTo("fresh");

        ok("email_flag", "account_id", "demo2", "message_id", flagged, "status", "flagged");

        CallToolResult after = call(client, "email_get", Map.of("account_id", "demo2", "message_id", flagged));
        assertThat(cacheState(after)).isEqualTo("miss");
        assertThat(structured(after)).containsEntry("flag", "flagged");
        assertThat(cacheState(call(client, "email_get", Map.of("account_id", "demo", "message_id", other))))
                .as("the other account's entry is untouched")
                .isEqualTo("fresh");
    }

    @Test
    void emailGetAttachment_savesTheBytesInTheDownloadDirectory_answersPathAndSizeNotContent() throws Exception {
        String messageId = (String) messageWithAttachment("demo2").get("id");
        Map<String, Object> attachment = firstAttachment("demo2", messageId);
        String fileName = "it-" + UUID.randomUUID() + ".bin";

        Map<String, Object> saved = ok(
                "email_get_attachment",
                "account_id",
                "demo2",
                "message_id",
                messageId,
                "attachment_id",
                attachment.get("id"),
                "file_name",
                fileName);

        Path path = Path.of((String) saved.get("path"));
        assertThat(path).isEqualTo(DOWNLOADS.resolve(fileName));
        assertThat(saved)
                .containsEntry("name", attachment.get("name"))
                .containsEntry("overwritten", false)
                .containsEntry("content_type", attachment.get("content_type"))
                .doesNotContainKey("content");
        assertThat(((Number) saved.get("size")).longValue())
                .isEqualTo(((Number) attachment.get("size")).longValue())
                .isEqualTo(Files.size(path));
        assertThat(Files.readAllBytes(path))
                .isEqualTo(sandboxBytes("sandbox-demo2-token", messageId, (String) attachment.get("id")));
    }

    @Test
    void emailGetAttachment_resourceLink_sameClientReadsGraphsBytes_anotherClientIsRefused() throws Exception {
        String messageId = (String) messageWithAttachment("demo").get("id");
        Map<String, Object> attachment = firstAttachment("demo", messageId);
        String fileName = "it-link-" + UUID.randomUUID() + ".bin";
        assertThat(client.getServerCapabilities().resources())
                .as("resources capability")
                .isNotNull();

        CallToolResult result = call(
                client,
                "email_get_attachment",
                Map.of(
                        "account_id",
                        "demo",
                        "message_id",
                        messageId,
                        "attachment_id",
                        attachment.get("id"),
                        "file_name",
                        fileName));

        assertThat(structured(result))
                .containsEntry("path", DOWNLOADS.resolve(fileName).toString());
        assertThat(result.content()).hasSize(2);
        ResourceLink link = (ResourceLink) result.content().get(1);
        assertThat(link.uri()).startsWith("m365-mcp://downloads/").doesNotContain(fileName);
        assertThat(link.name()).isEqualTo(fileName);
        assertThat(link.mimeType()).isEqualTo(attachment.get("content_type"));
        assertThat(link.size()).isEqualTo(((Number) attachment.get("size")).longValue());

        BlobResourceContents contents = (BlobResourceContents) client.readResource(new ReadResourceRequest(link.uri()))
                .contents()
                .get(0);
        assertThat(contents.uri()).isEqualTo(link.uri());
        assertThat(Base64.getDecoder().decode(contents.blob()))
                .isEqualTo(sandboxBytes("sandbox-demo-token", messageId, (String) attachment.get("id")));

        McpSyncClient other = ItServer.client(base);
        try {
            assertThatThrownBy(() -> other.readResource(new ReadResourceRequest(link.uri())))
                    .isInstanceOfSatisfying(
                            McpError.class,
                            e -> assertThat(e.getJsonRpcError().code()).isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND))
                    .hasMessageNotContaining(DOWNLOADS.toString());
        } finally {
            other.closeGracefully();
        }
        Files.delete(DOWNLOADS.resolve(fileName));
        assertThatThrownBy(() -> client.readResource(new ReadResourceRequest(link.uri())))
                .isInstanceOf(McpError.class)
                .hasMessageContaining("Resource not found");
    }

    @Test
    void emailGetAttachment_existingFile_refusedUnlessOverwrite() throws Exception {
        Map<String, Object> message = messageWithAttachment("demo");
        String messageId = (String) message.get("id");
        String attachmentId = (String)
                list(ok("email_get", "account_id", "demo", "message_id", messageId, "use_cache", false), "attachments")
                        .get(0)
                        .get("id");
        String fileName = "it-" + UUID.randomUUID() + ".txt";
        Files.createDirectories(DOWNLOADS);
        Files.writeString(DOWNLOADS.resolve(fileName), "mine");

        String refused = errorText(
                "email_get_attachment",
                "account_id",
                "demo",
                "message_id",
                messageId,
                "attachment_id",
                attachmentId,
                "file_name",
                fileName);
        assertThat(refused).startsWith("Invalid argument 'file_name'").contains("already exists", "overwrite=true");
        assertThat(Files.readString(DOWNLOADS.resolve(fileName))).isEqualTo("mine");

        Map<String, Object> replaced = ok(
                "email_get_attachment",
                "account_id",
                "demo",
                "message_id",
                messageId,
                "attachment_id",
                attachmentId,
                "file_name",
                fileName,
                "overwrite",
                true);
        assertThat(replaced).containsEntry("overwritten", true);
        assertThat(Files.readString(DOWNLOADS.resolve(fileName))).isNotEqualTo("mine");
    }

    @Test
    void emailGetAttachment_pathTraversal_rejectedBeforeAnythingIsFetched() throws Exception {
        String messageId = (String) messageWithAttachment("demo").get("id");
        long before = sandbox.graphRequests();

        for (String hostile : List.of("../escaped.txt", "/tmp/escaped.txt", "..", "sub/dir.txt", "..\\x.txt")) {
            assertThat(errorText(
                            "email_get_attachment",
                            "account_id",
                            "demo",
                            "message_id",
                            messageId,
                            "attachment_id",
                            "AAMkAGany",
                            "file_name",
                            hostile))
                    .as(hostile)
                    .startsWith("Invalid argument 'file_name': must be a plain file name");
        }
        assertThat(sandbox.graphRequests()).isEqualTo(before);
        assertThat(DOWNLOADS.resolveSibling("escaped.txt")).doesNotExist();
    }

    @Test
    void emailGetAttachment_unknownAttachment_isAnArgumentError() {
        String messageId = (String) messageWithAttachment("demo").get("id");

        assertThat(errorText(
                        "email_get_attachment",
                        "account_id",
                        "demo",
                        "message_id",
                        messageId,
                        "attachment_id",
                        "AAMkAGnoSuchAttachment",
                        "file_name",
                        "x.bin"))
                .startsWith("Invalid argument 'attachment_id': no attachment with id 'AAMkAGnoSuchAttachment'");
    }

    @Test
    void searchEmails_quotedSubject_findsThatMessage_secondCallFresh() throws Exception {
        Map<String, Object> target =
                list(ok("email_list", "account_id", "demo", "folder", "sentitems", "limit", 30), "messages").stream()
                        .filter(m -> ((String) m.get("subject")).matches("[A-Za-z0-9 ]{6,}"))
                        .findFirst()
                        .orElseThrow();
        String query = "subject:\"" + target.get("subject") + "\"";
        long before = sandbox.graphRequests();

        CallToolResult first = call(
                client,
                "search_emails",
                Map.of("account_id", "demo", "query", query, "limit", 50, "force_refresh", true));
        CallToolResult second =
                call(client, "search_emails", Map.of("account_id", "demo", "query", query, "limit", 50));

        Map<String, Object> answer = structured(first);
        assertThat(answer).containsEntry("query", query).doesNotContainKey("folder");
        assertThat(ids(list(answer, "messages"))).contains(target.get("id"));
        assertThat(list(answer, "messages"))
                .allSatisfy(m ->
                        assertThat((String) m.get("subject")).containsIgnoringCase((String) target.get("subject")));
        assertThat(cacheState(first)).isEqualTo("miss");
        assertThat(cacheState(second)).isEqualTo("fresh");
        assertThat(sandbox.graphRequests() - before).isEqualTo(1);
    }

    @Test
    void searchEmails_inAFolder_onlyThatFoldersMessages() {
        List<Object> inbox =
                ids(list(ok("email_list", "account_id", "demo2", "folder", "inbox", "limit", 200), "messages"));

        Map<String, Object> answer =
                ok("search_emails", "account_id", "demo2", "query", "contoso", "folder", "inbox", "limit", 200);

        assertThat(answer).containsEntry("folder", "inbox");
        assertThat(list(answer, "messages")).isNotEmpty();
        assertThat(inbox).containsAll(ids(list(answer, "messages")));
    }

    @Test
    void searchEmails_blankOrAmpersandQuery_isAnArgumentError() {
        assertThat(errorText("search_emails", "account_id", "demo", "query", "   "))
                .isEqualTo("Invalid argument 'query': must not be blank");
        assertThat(errorText("search_emails", "account_id", "demo", "query", "Q&A"))
                .startsWith("Invalid argument 'query': must not contain '&'");
    }

    @Test
    void mailReadTools_carryTheirSafetyAnnotations() {
        Map<String, Tool> tools = new HashMap<>();
        client.listTools().tools().forEach(tool -> tools.put(tool.name(), tool));

        for (String read : List.of("email_list", "email_get", "search_emails")) {
            assertThat(tools.get(read).annotations().readOnlyHint()).as(read).isTrue();
        }
        Tool attachment = tools.get("email_get_attachment");
        assertThat(attachment.annotations().readOnlyHint())
                .as("it writes a local file")
                .isFalse();
        assertThat(attachment.annotations().destructiveHint()).isFalse();
    }

    /** The attachment's raw bytes straight from the sandbox, with the demo account's fixed token. */
    private byte[] sandboxBytes(String token, String messageId, String attachmentId) throws Exception {
        URI uri = URI.create(ItServer.root(base) + "/sandbox/v1.0/me/messages/" + messageId + "/attachments/"
                + attachmentId + "/$value");
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
