package org.m365mcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ResourceLink;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceLinkingTest {

    @TempDir
    Path downloads;

    private final CallFiles files = new CallFiles();
    private final ResourceLinks links = new ResourceLinks();
    private final ResourceLinking linking = new ResourceLinking(files, links, 1024);

    @Test
    void linking_callThatSavedAFile_keepsItsJsonAndAddsAResourceLinkAfterIt() throws Exception {
        Path file = Files.writeString(downloads.resolve("contacts.vcf"), "BEGIN:VCARD");
        SyncToolSpecification tool = linking.linking(saving(file, false));

        CallToolResult result = tool.callHandler().apply(exchange("session-a"), request());

        assertThat(result.structuredContent()).isEqualTo(Map.of("path", file.toString()));
        assertThat(result.content()).hasSize(2);
        assertThat(result.content().get(0)).isInstanceOf(TextContent.class);
        ResourceLink link = (ResourceLink) result.content().get(1);
        assertThat(link.name()).isEqualTo("contacts.vcf");
        assertThat(link.mimeType()).isEqualTo("text/vcard");
        assertThat(link.size()).isEqualTo(11L);
        assertThat(links.find("session-a", link.uri())).isPresent();
        assertThat(links.find("session-b", link.uri())).isEmpty();
    }

    @Test
    void linking_failedCall_answersTheErrorAlone() throws Exception {
        Path file = Files.writeString(downloads.resolve("half.txt"), "x");

        CallToolResult result =
                linking.linking(saving(file, true)).callHandler().apply(exchange("s"), request());

        assertThat(result.content()).hasSize(1).allMatch(TextContent.class::isInstance);
    }

    @Test
    void linking_callThatSavedNothing_answersAsItWas() {
        CallToolResult plain = CallToolResult.builder().addTextContent("{}").build();
        SyncToolSpecification tool = new SyncToolSpecification(descriptor(), (exchange, request) -> plain);

        assertThat(linking.linking(tool).callHandler().apply(exchange("s"), request()))
                .isSameAs(plain);
    }

    @Test
    void saved_outsideACall_toldNoOne() throws Exception {
        Path file = Files.writeString(downloads.resolve("warm.txt"), "x");
        files.saved(new SavedFile(downloads, file, "warm.txt", null, 1));

        CallFiles.Collected<String> call = files.collecting(() -> "value");

        assertThat(call.files()).isEmpty();
    }

    @Test
    void downloads_readOfTheLinkBySameSession_answersTheBytes_otherSessionRefused() throws Exception {
        Path file = Files.writeString(downloads.resolve("contacts.vcf"), "BEGIN:VCARD");
        CallToolResult result =
                linking.linking(saving(file, false)).callHandler().apply(exchange("a"), request());
        String uri = ((ResourceLink) result.content().get(1)).uri();
        var read = linking.downloads().readHandler();

        var contents = (McpSchema.BlobResourceContents) read.apply(exchange("a"), new ReadResourceRequest(uri))
                .contents()
                .get(0);

        assertThat(contents.blob()).isEqualTo("QkVHSU46VkNBUkQ=");
        assertThat(linking.downloads().resourceTemplate().uriTemplate()).isEqualTo("m365-mcp://downloads/{id}");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> read.apply(exchange("b"), new ReadResourceRequest(uri)))
                .isInstanceOf(io.modelcontextprotocol.spec.McpError.class)
                .hasMessageContaining("Resource not found");
    }

    /** A tool whose call saves {@code file} as text/vcard, then answers its path (or an error). */
    private SyncToolSpecification saving(Path file, boolean fails) {
        return new SyncToolSpecification(descriptor(), (exchange, request) -> {
            files.saved(new SavedFile(downloads, file, file.getFileName().toString(), "text/vcard", 11));
            return fails
                    ? CallToolResult.builder()
                            .addTextContent("failed")
                            .isError(true)
                            .build()
                    : CallToolResult.builder()
                            .structuredContent(Map.of("path", file.toString()))
                            .addTextContent("{\"path\":\"" + file + "\"}")
                            .isError(false)
                            .build();
        });
    }

    private static McpSchema.Tool descriptor() {
        return McpSchema.Tool.builder()
                .name("contact_export")
                .inputSchema(new McpSchema.JsonSchema("object", Map.of(), null, false, null, null))
                .build();
    }

    private static CallToolRequest request() {
        return new CallToolRequest("contact_export", Map.of());
    }

    private static McpSyncServerExchange exchange(String session) {
        return new McpSyncServerExchange(
                new McpAsyncServerExchange(session, null, null, null, McpTransportContext.EMPTY));
    }
}
