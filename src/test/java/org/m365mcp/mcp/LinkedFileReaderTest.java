package org.m365mcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.BlobResourceContents;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.ResourceLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkedFileReaderTest {

    private static final long MAX = 1024;

    @TempDir
    Path root;

    private Path downloads;
    private ResourceLinks links;
    private LinkedFileReader reader;

    @BeforeEach
    void folder() throws Exception {
        downloads = Files.createDirectory(root.resolve("downloads"));
        links = new ResourceLinks();
        reader = new LinkedFileReader(links, MAX);
    }

    @Test
    void read_linkOfThisSession_answersTheBytesAsBase64WithTheType() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 0xff, 'a', 'b', 'c'};
        String uri = link("session-a", save("report.pdf", bytes), "application/pdf");

        ReadResourceResult result = reader.read("session-a", uri);

        assertThat(result.contents()).hasSize(1);
        BlobResourceContents contents = (BlobResourceContents) result.contents().get(0);
        assertThat(contents.uri()).isEqualTo(uri);
        assertThat(contents.mimeType()).isEqualTo("application/pdf");
        assertThat(Base64.getDecoder().decode(contents.blob())).isEqualTo(bytes);
    }

    @Test
    void read_emptyFile_answersAnEmptyBlob() throws Exception {
        String uri = link("session-a", save("empty.txt", new byte[0]), "text/plain");

        BlobResourceContents contents =
                (BlobResourceContents) reader.read("session-a", uri).contents().get(0);

        assertThat(contents.blob()).isEmpty();
    }

    @Test
    void read_linkOfAnotherSession_notFoundExactlyLikeAnUnknownLink() throws Exception {
        String uri = link("session-a", save("a.txt", "secret".getBytes()), "text/plain");
        String unknown = ResourceLinks.PREFIX + "AAAAAAAAAAAAAAAAAAAAAA";

        McpError foreign = failure(() -> reader.read("session-b", uri));
        McpError none = failure(() -> reader.read("session-a", unknown));

        assertThat(foreign.getJsonRpcError().code()).isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND);
        assertThat(foreign.getJsonRpcError().message())
                .isEqualTo(none.getJsonRpcError().message().replace(unknown, uri));
        assertNothingLeaked(foreign);
    }

    @Test
    void read_unknownLink_notFound() {
        McpError error = failure(() -> reader.read("session-a", ResourceLinks.PREFIX + "nope"));

        assertThat(error.getJsonRpcError().code()).isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND);
        assertThat(error.getJsonRpcError().message()).startsWith("Resource not found");
    }

    @Test
    void read_fileDeletedSinceLinked_notFoundWithoutThePath() throws Exception {
        Path file = save("gone.txt", "x".getBytes());
        String uri = link("session-a", file, "text/plain");
        Files.delete(file);

        McpError error = failure(() -> reader.read("session-a", uri));

        assertThat(error.getJsonRpcError().code()).isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND);
        assertThat(error.getJsonRpcError().message()).contains("deleted, replaced or moved");
        assertNothingLeaked(error);
    }

    @Test
    void read_fileReplacedByAnotherSinceLinked_notFound() throws Exception {
        Path file = save("shared.txt", "first".getBytes());
        String uri = link("session-a", file, "text/plain");
        Path other = Files.write(downloads.resolve(".other"), "other client's".getBytes());
        Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        McpError error = failure(() -> reader.read("session-a", uri));

        assertThat(error.getJsonRpcError().code()).isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND);
    }

    @Test
    void issue_fileOutsideItsDirectory_makesNoLink() throws Exception {
        Path outside = Files.write(root.resolve("outside.txt"), "not a download".getBytes());

        assertThat(links.issue("session-a", saved(outside, "text/plain"))).isEmpty();
    }

    @Test
    void issue_symbolicLinkInTheDirectory_makesNoLink() throws Exception {
        Path secret = Files.write(root.resolve("secret.txt"), "not a download".getBytes());
        Path link = Files.createSymbolicLink(downloads.resolve("innocent.txt"), secret);

        assertThat(links.issue("session-a", new SavedFile(downloads, link, "innocent.txt", null, 14)))
                .isEmpty();
    }

    @Test
    void read_fileSwappedForASymbolicLinkLeavingTheDirectory_notFound() throws Exception {
        Path file = save("doc.txt", "mine".getBytes());
        String uri = link("session-a", file, "text/plain");
        FileTime modified = Files.getLastModifiedTime(file);
        Path secret = Files.write(root.resolve("secret.txt"), "mine".getBytes());
        Files.setLastModifiedTime(secret, modified);
        Files.delete(file);
        Files.createSymbolicLink(file, secret);

        McpError error = failure(() -> reader.read("session-a", uri));

        assertThat(error.getJsonRpcError().code()).isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND);
    }

    @Test
    void read_directoryReplacedByASymbolicLinkElsewhere_notFoundWithoutThePath() throws Exception {
        Path file = save("doc.txt", "mine".getBytes());
        String uri = link("session-a", file, "text/plain");
        Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));
        Files.move(file, elsewhere.resolve("doc.txt"));
        Files.delete(downloads);
        Files.createSymbolicLink(downloads, elsewhere);

        McpError error = failure(() -> reader.read("session-a", uri));

        assertThat(error.getJsonRpcError().code()).isEqualTo(ErrorCodes.RESOURCE_NOT_FOUND);
        assertNothingLeaked(error);
    }

    @Test
    void read_fileLargerThanTheLimit_refusedWithTheLimitNotThePath() throws Exception {
        String uri = link("session-a", save("big.bin", new byte[(int) MAX + 1]), null);

        McpError error = failure(() -> reader.read("session-a", uri));

        assertThat(error.getJsonRpcError().code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
        assertThat(error.getJsonRpcError().message())
                .contains("1025 bytes", "up to 1024 bytes", "m365.mcp.resources.max-read-size");
        assertNothingLeaked(error);
    }

    @Test
    void read_fileExactlyAtTheLimit_served() throws Exception {
        String uri = link("session-a", save("edge.bin", new byte[(int) MAX]), null);

        BlobResourceContents contents =
                (BlobResourceContents) reader.read("session-a", uri).contents().get(0);

        assertThat(Base64.getDecoder().decode(contents.blob())).hasSize((int) MAX);
    }

    @Test
    void issue_fileAlreadyGone_makesNoLink() {
        SavedFile missing = new SavedFile(downloads, downloads.resolve("missing.txt"), "missing.txt", null, 1);

        assertThat(links.issue("session-a", missing)).isEmpty();
    }

    @Test
    void issue_linkIsOpaque_namesNeitherPathNorFileName() throws Exception {
        Path file = save("quarterly report.xlsx", "x".getBytes());

        ResourceLink link = links.issue("session-a", saved(file, "application/vnd.ms-excel"))
                .orElseThrow();

        assertThat(link.uri()).startsWith(ResourceLinks.PREFIX).doesNotContain("quarterly", downloads.toString());
        assertThat(link.uri().substring(ResourceLinks.PREFIX.length())).matches("[A-Za-z0-9_-]{22}");
        assertThat(link.name()).isEqualTo("quarterly report.xlsx");
        assertThat(link.size()).isEqualTo(1L);
        assertThat(link.mimeType()).isEqualTo("application/vnd.ms-excel");
    }

    private Path save(String name, byte[] bytes) throws Exception {
        return Files.write(downloads.resolve(name), bytes);
    }

    private SavedFile saved(Path file, String mimeType) throws Exception {
        return new SavedFile(downloads, file, file.getFileName().toString(), mimeType, Files.size(file));
    }

    private String link(String session, Path file, String mimeType) throws Exception {
        return links.issue(session, saved(file, mimeType)).orElseThrow().uri();
    }

    private static McpError failure(ThrowingCallable read) {
        assertThatThrownBy(read).isInstanceOf(McpError.class);
        try {
            read.call();
        } catch (McpError e) {
            return e;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no failure");
    }

    private void assertNothingLeaked(McpError error) {
        String said = error.getJsonRpcError().message() + " "
                + error.getJsonRpcError().data();
        assertThat(said).doesNotContain(root.toString(), "Exception", "org.m365mcp", "java.");
    }
}
