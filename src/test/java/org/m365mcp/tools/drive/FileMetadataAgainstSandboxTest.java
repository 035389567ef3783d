package org.m365mcp.tools.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.m365mcp.graph.GraphClientRequest;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.sandbox.SandboxServer;

/**
 * {@code file_get}'s text in parts, read from the sandbox over HTTP without CDI (hence without the
 * cache): the parts read back the whole file, and {@code content_offset} where there is no text to
 * read on is a clear error.
 */
class FileMetadataAgainstSandboxTest {

    private final SandboxServer sandbox = SandboxServer.start();
    private final FileMetadata metadata = new FileMetadata();

    @BeforeEach
    void wire() {
        metadata.graph = sandbox.client(Duration.ofSeconds(5), 0);
        metadata.maxBodyChars = 1_000;
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String upload(String name, String text) {
        return metadata.graph
                .send(
                        "demo2",
                        GraphClientRequest.put(
                                "/me/drive/root:/" + name + ":/content",
                                text.getBytes(StandardCharsets.UTF_8),
                                "application/octet-stream"))
                .json()
                .path("id")
                .asText();
    }

    @Test
    void fileGet_textLongerThanTheSetting_comesInPartsThatReadBackTheWholeFile() {
        String whole = "0123456789".repeat(250);
        String id = upload("long-notes.txt", whole);

        DriveItemAnswer first = metadata.fileGet("demo2", id, true, 0, true, false);
        StringBuilder read = new StringBuilder(first.content());
        DriveItemAnswer last = first;
        while (last.nextContentOffset() != null) {
            last = metadata.fileGet("demo2", id, true, last.nextContentOffset(), true, false);
            read.append(last.content());
        }

        assertThat(first.content()).hasSize(1_000);
        assertThat(first.nextContentOffset()).isEqualTo(1_000);
        assertThat(first.contentNote())
                .isEqualTo("characters 0-1000 of 2500 shown; 1500 more: call file_get with content_offset=1000");
        assertThat(last.contentNote()).isEqualTo("characters 2000-2500 of 2500 shown; the end of the content");
        assertThat(read.toString()).isEqualTo(whole);
    }

    @Test
    void fileGet_textThatFits_isWholeWithoutMarker() {
        String id = upload("short.txt", "hello drive");

        DriveItemAnswer answer = metadata.fileGet("demo2", id, true, 0, true, false);

        assertThat(answer.content()).isEqualTo("hello drive");
        assertThat(answer.nextContentOffset()).isNull();
        assertThat(answer.contentNote()).isNull();
    }

    @Test
    void fileGet_contentOffsetWithoutTextToReadOn_isAnErrorNamingTheArgument() {
        String id = upload("short.txt", "hello drive");
        String binary = metadata.graph
                .send(
                        "demo2",
                        GraphClientRequest.put(
                                "/me/drive/root:/photo.png:/content", new byte[] {1, 2, 3}, "application/octet-stream"))
                .json()
                .path("id")
                .asText();

        assertThatThrownBy(() -> metadata.fileGet("demo2", id, true, 11, true, false))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessage("Invalid argument 'content_offset': is past the end of the content (11 characters)");
        assertThatThrownBy(() -> metadata.fileGet("demo2", id, false, 5, true, false))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessage("Invalid argument 'content_offset': applies only with include_content=true");
        assertThatThrownBy(() -> metadata.fileGet("demo2", binary, true, 5, true, false))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessage("Invalid argument 'content_offset': 'photo.png'"
                        + " is not a text file up to 64 KB, so its content does not come in parts");
    }
}
