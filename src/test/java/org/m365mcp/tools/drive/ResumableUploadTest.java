package org.m365mcp.tools.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;
import org.m365mcp.mcp.CallCancelledException;
import org.m365mcp.mcp.CancelledAfter;
import org.m365mcp.mcp.ToolProgress;
import org.m365mcp.sandbox.SandboxServer;
import org.m365mcp.sandbox.faults.FaultRule;

/** A file through a real upload session of the sandbox, with the real GraphClient. */
class ResumableUploadTest {

    private static final long TEN_MB = 10L * 1024 * 1024;

    private final SandboxServer sandbox = SandboxServer.start();
    private final GraphClient graph = sandbox.client(Duration.ofSeconds(10), 0);

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void upload_tenMegabytes_arrivesByteIdentical_inFragmentsOf320KiBMultiples_withoutAuthorization() throws Exception {
        Path file = file(TEN_MB);

        JsonNode item = upload("/me/drive/root:/Documents/ten.bin:/createUploadSession", file);

        assertThat(item.path("name").asText()).isEqualTo("ten.bin");
        assertThat(item.path("size").asLong()).isEqualTo(TEN_MB);
        assertThat(sha256(downloaded(item))).isEqualTo(sha256(Files.readAllBytes(file)));
        List<SandboxServer.Received> fragments = uploads("PUT");
        assertThat(fragments)
                .extracting(r -> r.header("Content-Range").orElseThrow())
                .containsExactly(
                        "bytes 0-3276799/10485760",
                        "bytes 3276800-6553599/10485760",
                        "bytes 6553600-9830399/10485760",
                        "bytes 9830400-10485759/10485760");
        assertThat(fragments)
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEmpty());
    }

    @Test
    void upload_aFragmentFails_resumesWhereTheSessionSays_andTheBytesAreIntact() throws Exception {
        sandbox.state().faults().add(new FaultRule("/upload/*", "PUT", 500, null, 0, 1, null, null, 2));
        Path file = file(TEN_MB);

        JsonNode item = upload("/me/drive/root:/Documents/resumed.bin:/createUploadSession", file);

        assertThat(sha256(downloaded(item))).isEqualTo(sha256(Files.readAllBytes(file)));
        assertThat(uploads("GET")).as("the session's status was asked once").hasSize(1);
        assertThat(uploads("PUT"))
                .extracting(r -> r.header("Content-Range").orElseThrow())
                .containsExactly(
                        "bytes 0-3276799/10485760",
                        "bytes 3276800-6553599/10485760",
                        "bytes 6553600-9830399/10485760",
                        "bytes 6553600-9830399/10485760",
                        "bytes 9830400-10485759/10485760");
    }

    @Test
    void upload_aFragmentIsRefusedForGood_cancelsTheSession_andNoItemIsMade() throws Exception {
        sandbox.state().faults().add(new FaultRule("/upload/*", "PUT", 403, null, 0, 1, "accessDenied", null, 1));
        Path file = file(5L * 1024 * 1024);

        assertThatThrownBy(() -> upload("/me/drive/root:/Documents/refused.bin:/createUploadSession", file))
                .isInstanceOf(GraphException.class)
                .satisfies(e -> assertThat(((GraphException) e).status()).isEqualTo(403));

        assertThat(uploads("DELETE")).hasSize(1);
        URI session = URI.create(sandbox.root() + uploads("DELETE").get(0).path());
        assertThatThrownBy(() -> graph.getPreAuthenticated(session))
                .isInstanceOf(GraphException.class)
                .satisfies(e -> assertThat(((GraphException) e).isNotFound()).isTrue());
        assertThatThrownBy(() -> graph.get("demo", "/me/drive/root:/Documents/refused.bin"))
                .satisfies(e -> assertThat(((GraphException) e).isNotFound()).isTrue());
    }

    @Test
    void upload_failingOverAndOver_givesUpAfterTheResumeLimit_andCancels() throws Exception {
        sandbox.state().faults().add(new FaultRule("/upload/*", "PUT", 500, null, 0, null, null, null));
        Path file = file(5L * 1024 * 1024);

        assertThatThrownBy(() -> upload("/me/drive/root:/Documents/flaky.bin:/createUploadSession", file))
                .isInstanceOf(GraphException.class);

        assertThat(uploads("PUT")).hasSize(ResumableUpload.MAX_RESUMES + 1);
        assertThat(uploads("DELETE")).hasSize(1);
    }

    @Test
    void upload_reportsTheBytesGraphHasAcknowledged_afterEachFragmentButTheLast() throws Exception {
        List<String> told = new ArrayList<>();
        Path file = file(TEN_MB);

        upload("/me/drive/root:/Documents/told.bin:/createUploadSession", file, (done, total, message) -> {
            assertThat(total).isEqualTo(TEN_MB);
            told.add(message);
        });

        assertThat(told).hasSize(uploads("PUT").size() - 1).startsWith("3.1 of 10.0 MB uploaded");
        assertThat(told.get(told.size() - 1)).endsWith(" of 10.0 MB uploaded");
    }

    @Test
    void upload_cancelledByTheClient_sendsNoFurtherFragment_andCancelsTheSession() throws Exception {
        ToolProgress cancelAfterFirstFragment = CancelledAfter.checks(1);
        Path file = file(TEN_MB);

        assertThatThrownBy(() -> upload(
                        "/me/drive/root:/Documents/cancelled.bin:/createUploadSession", file, cancelAfterFirstFragment))
                .isInstanceOf(CallCancelledException.class);

        assertThat(uploads("PUT")).hasSize(1);
        assertThat(uploads("DELETE")).hasSize(1);
    }

    @Test
    void fragment_mustBeAMultipleOf320KiB() {
        assertThatThrownBy(() -> new ResumableUpload(graph, 1000, ToolProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private JsonNode upload(String createPath, Path file) throws Exception {
        return upload(createPath, file, ToolProgress.NONE);
    }

    private JsonNode upload(String createPath, Path file, ToolProgress progress) throws Exception {
        ObjectNode item = JsonNodeFactory.instance
                .objectNode()
                .put("@microsoft.graph.conflictBehavior", "fail")
                .put("fileSize", Files.size(file));
        return new ResumableUpload(graph, UploadRanges.FRAGMENT, progress)
                .upload("demo", createPath, item, file, Files.size(file));
    }

    private List<SandboxServer.Received> uploads(String method) {
        return sandbox.received().stream()
                .filter(r -> r.path().startsWith("/upload/") && r.method().equals(method))
                .toList();
    }

    private byte[] downloaded(JsonNode item) {
        URI url = graph.downloadUrl("demo", "/me/drive/items/" + item.path("id").asText() + "/content");
        return graph.getPreAuthenticated(url).body();
    }

    private Path file(long size) throws Exception {
        byte[] bytes = new byte[(int) size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve("upload-" + size + ".bin"), bytes);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
