package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OneDrive's createUploadSession as the sandbox emulates it, over raw HTTP: what Graph's docs promise. */
class DriveUploadSessionsTest {

    private static final int UNIT = 320 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SandboxServer sandbox = SandboxServer.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void createUploadSession_answersAPreAuthenticatedUrlOnItsOwnPath_expiryAndTheFirstExpectedRange() {
        JsonNode session = sandbox.demo(
                "POST",
                "/me/drive/root:/Documents/big.bin:/createUploadSession",
                "{\"item\":{\"@microsoft.graph.conflictBehavior\":\"rename\"}}",
                200);

        assertThat(session.path("uploadUrl").asText())
                .startsWith(sandbox.root() + "/upload/")
                .doesNotContain("/v1.0/");
        assertThat(session.path("expirationDateTime").asText())
                .isEqualTo(SandboxServer.NOW.plusSeconds(15 * 60).toString());
        assertThat(session.path("nextExpectedRanges"))
                .extracting(JsonNode::asText)
                .containsExactly("0-");
    }

    @Test
    void fragments_inOrder_202WithTheNextRange_thenTheItem201_andTheSessionIsGone() throws Exception {
        URI url = session("/me/drive/root:/Documents/parts.bin:/createUploadSession", "{}");
        byte[] file = bytes(UNIT + 1000);

        HttpResponse<String> first =
                put(url, Arrays.copyOfRange(file, 0, UNIT), "bytes 0-" + (UNIT - 1) + "/" + file.length);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(first.body()).path("nextExpectedRanges").get(0).asText())
                .isEqualTo(UNIT + "-");
        assertThat(JSON.readTree(get(url).body())
                        .path("nextExpectedRanges")
                        .get(0)
                        .asText())
                .isEqualTo(UNIT + "-");

        HttpResponse<String> last = put(
                url,
                Arrays.copyOfRange(file, UNIT, file.length),
                "bytes " + UNIT + "-" + (file.length - 1) + "/" + file.length);
        assertThat(last.statusCode()).isEqualTo(201);
        JsonNode item = JSON.readTree(last.body());
        assertThat(item.path("name").asText()).isEqualTo("parts.bin");
        assertThat(item.path("size").asLong()).isEqualTo(file.length);
        assertThat(download(item.path("@microsoft.graph.downloadUrl").asText())).isEqualTo(file);
        assertThat(get(url).statusCode()).isEqualTo(404);
    }

    @Test
    void badRanges_416_malformedOrMisSizedFragments_400_andNothingIsKept() throws Exception {
        URI url = session("/me/drive/root:/Documents/bad.bin:/createUploadSession", "{}");
        byte[] unit = bytes(UNIT);

        assertThat(put(url, unit, "bytes " + UNIT + "-" + (2 * UNIT - 1) + "/" + 3 * UNIT)
                        .statusCode())
                .as("a gap before the fragment")
                .isEqualTo(416);
        assertThat(put(url, unit, "bytes 0-" + (UNIT - 1) + "/" + (UNIT - 5)).statusCode())
                .as("past the file's end")
                .isEqualTo(416);
        assertThat(put(url, unit, "0-" + (UNIT - 1)).statusCode())
                .as("malformed header")
                .isEqualTo(400);
        assertThat(put(url, unit, "bytes 0-99/" + 3 * UNIT).statusCode())
                .as("body longer than the range")
                .isEqualTo(400);
        assertThat(put(url, Arrays.copyOf(unit, 1000), "bytes 0-999/" + 3 * UNIT)
                        .statusCode())
                .as("not a multiple of 320 KiB and not the last")
                .isEqualTo(400);

        assertThat(put(url, unit, "bytes 0-" + (UNIT - 1) + "/" + 3 * UNIT).statusCode())
                .isEqualTo(202);
        HttpResponse<String> again = put(url, unit, "bytes 0-" + (UNIT - 1) + "/" + 3 * UNIT);
        assertThat(again.statusCode()).as("a range already received").isEqualTo(416);
        assertThat(JSON.readTree(again.body()).path("error").path("code").asText())
                .isEqualTo("invalidRange");
        assertThat(put(url, unit, "bytes " + UNIT + "-" + (2 * UNIT - 1) + "/" + 4 * UNIT)
                        .statusCode())
                .as("another total than before")
                .isEqualTo(416);
        assertThat(JSON.readTree(get(url).body())
                        .path("nextExpectedRanges")
                        .get(0)
                        .asText())
                .isEqualTo(UNIT + "-");
    }

    @Test
    void uploadUrl_withABearerToken_401_unknownSession_404_deleteCancels() throws Exception {
        URI url = session("/me/drive/root:/Documents/auth.bin:/createUploadSession", "{}");
        HttpResponse<String> withToken = http.send(
                HttpRequest.newBuilder(url)
                        .header("Authorization", "Bearer " + SandboxTenant.DEMO_TOKEN)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(10)))
                        .header("Content-Range", "bytes 0-9/10")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).isEqualTo(401);

        assertThat(get(URI.create(sandbox.root() + "/upload/nosuchsession")).statusCode())
                .isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(url).DELETE().build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(204);
        assertThat(put(url, bytes(10), "bytes 0-9/10").statusCode()).isEqualTo(404);
        sandbox.demo("GET", "/me/drive/root:/Documents/auth.bin", null, 404);
    }

    @Test
    void conflictBehavior_failIsRefusedAtOnce_renameAppliesAtTheEnd_existingItemIsReplaced200() throws Exception {
        JsonNode existing = sandbox.demo("PUT", "/me/drive/root:/Documents/taken.txt:/content", "first", 201);
        sandbox.demo(
                "POST",
                "/me/drive/root:/Documents/taken.txt:/createUploadSession",
                "{\"item\":{\"@microsoft.graph.conflictBehavior\":\"fail\"}}",
                409);

        URI renamed = session(
                "/me/drive/items/" + existing.path("parentReference").path("id").asText()
                        + ":/taken.txt:/createUploadSession",
                "{\"item\":{\"@microsoft.graph.conflictBehavior\":\"rename\"}}");
        HttpResponse<String> created = put(renamed, bytes(10), "bytes 0-9/10");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("name").asText()).isEqualTo("taken 1.txt");

        URI replace = session("/me/drive/items/" + existing.path("id").asText() + "/createUploadSession", "{}");
        HttpResponse<String> replaced = put(replace, bytes(12), "bytes 0-11/12");
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(replaced.body()).path("id").asText())
                .isEqualTo(existing.path("id").asText());
        assertThat(JSON.readTree(replaced.body()).path("size").asInt()).isEqualTo(12);

        String folder = existing.path("parentReference").path("id").asText();
        sandbox.demo("POST", "/me/drive/items/" + folder + "/createUploadSession", "{}", 400);
    }

    @Test
    void injectedFault_onTheUploadPath_skipsTheFirstFragmentsAndFailsTheNext() throws Exception {
        sandbox.send(
                "POST",
                "/_admin/faults",
                "{\"path_pattern\":\"/upload/*\",\"method\":\"PUT\",\"status\":500,\"count\":1,\"skip\":1}",
                null);
        URI url = session("/me/drive/root:/Documents/fault.bin:/createUploadSession", "{}");
        byte[] file = bytes(3 * UNIT);

        assertThat(put(url, Arrays.copyOfRange(file, 0, UNIT), "bytes 0-" + (UNIT - 1) + "/" + file.length)
                        .statusCode())
                .isEqualTo(202);
        assertThat(put(
                                url,
                                Arrays.copyOfRange(file, UNIT, 2 * UNIT),
                                "bytes " + UNIT + "-" + (2 * UNIT - 1) + "/" + file.length)
                        .statusCode())
                .isEqualTo(500);
        assertThat(put(
                                url,
                                Arrays.copyOfRange(file, UNIT, 2 * UNIT),
                                "bytes " + UNIT + "-" + (2 * UNIT - 1) + "/" + file.length)
                        .statusCode())
                .isEqualTo(202);
    }

    private URI session(String path, String body) {
        return URI.create(
                sandbox.demo("POST", path, body, 200).path("uploadUrl").asText());
    }

    private HttpResponse<String> put(URI url, byte[] body, String contentRange)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(url)
                        .header("Content-Range", contentRange)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private byte[] download(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }

    private static byte[] bytes(int length) {
        byte[] out = new byte[length];
        new java.util.Random(length).nextBytes(out);
        return out;
    }
}
