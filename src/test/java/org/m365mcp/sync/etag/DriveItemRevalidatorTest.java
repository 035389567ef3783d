package org.m365mcp.sync.etag;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.m365mcp.cache.entries.CacheEntryEnvelope;
import org.m365mcp.cache.entries.EntryKey;
import org.m365mcp.cache.entries.Revalidator.Verdict;
import org.m365mcp.sandbox.SandboxServer;
import org.m365mcp.sandbox.SandboxServer.Received;
import org.m365mcp.sandbox.SandboxTenant;
import org.m365mcp.tools.drive.DriveItem;
import org.m365mcp.tools.drive.DriveItemAnswer;

/**
 * The {@code file_get} revalidator against the sandbox over HTTP: one conditional GET with the cached
 * answer's etag, 304 → unchanged, 200 → changed, anything else → unknown; no request at all for an
 * entry it cannot revalidate. The cached answers are the real answer record as the cache stores it
 * (snake_case JSON without nulls).
 */
class DriveItemRevalidatorTest {

    // The answer mapper's naming and inclusion (config.TimeAndJsonProducer), as the cache stores answers.
    private static final ObjectMapper ANSWERS = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final SandboxServer sandbox = SandboxServer.start();
    private final DriveItemRevalidator revalidator = new DriveItemRevalidator();

    @BeforeEach
    void wire() {
        revalidator.graph = sandbox.client(Duration.ofSeconds(5), 0);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void check_fileUnchanged_isUnchanged_afterOneConditionalGet() throws Exception {
        JsonNode file = upload("same.txt", "as it was");

        Verdict verdict = revalidator.check(key(file), cached(file));

        assertThat(verdict).isEqualTo(Verdict.UNCHANGED);
        assertThat(itemRequests(file)).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.header("If-None-Match"))
                    .contains(file.path("eTag").asText());
        });
    }

    @Test
    void check_fileRenamedByAnotherClient_isChanged() throws Exception {
        JsonNode file = upload("renamed.txt", "text");
        sandbox.send(
                "PATCH",
                "/v1.0/me/drive/items/" + file.path("id").asText(),
                "{\"name\":\"renamed elsewhere.txt\"}",
                SandboxTenant.DEMO2_TOKEN);

        assertThat(revalidator.check(key(file), cached(file))).isEqualTo(Verdict.CHANGED);
    }

    @Test
    void check_contentReplacedByAnotherClient_isChanged() throws Exception {
        JsonNode file = upload("content.txt", "before");
        upload("content.txt", "after");

        assertThat(revalidator.check(key(file), cached(file))).isEqualTo(Verdict.CHANGED);
    }

    @Test
    void check_fileDeleted_isUnknown() throws Exception {
        JsonNode file = upload("gone.txt", "text");
        sandbox.send("DELETE", "/v1.0/me/drive/items/" + file.path("id").asText(), null, SandboxTenant.DEMO2_TOKEN);

        assertThat(revalidator.check(key(file), cached(file))).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void check_graphFails_isUnknown() throws Exception {
        JsonNode file = upload("failing.txt", "text");
        assertThat(sandbox.send(
                                "PUT",
                                "/_admin/faults",
                                "{\"path_pattern\":\"/me/drive/items/*\",\"method\":\"GET\",\"status\":503}",
                                null)
                        .statusCode())
                .isEqualTo(200);

        assertThat(revalidator.check(key(file), cached(file))).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void check_anotherOperationOrAnAnswerWithoutEtag_isUnknown_withoutARequest() throws Exception {
        JsonNode file = upload("untagged.txt", "text");
        String id = file.path("id").asText();
        CacheEntryEnvelope untagged = envelope(ANSWERS.writeValueAsBytes(
                new DriveItemAnswer("demo2", item(file), null, null, null, null, null, null, null)));
        EntryKey folderGet = EntryKey.of("folder_get", "demo2", Map.of("folder", id));

        assertThat(revalidator.check(folderGet, cached(file))).isEqualTo(Verdict.UNKNOWN);
        assertThat(revalidator.check(key(file), untagged)).isEqualTo(Verdict.UNKNOWN);
        assertThat(revalidator.check(key(file), envelope("not json".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(Verdict.UNKNOWN);
        assertThat(itemRequests(file)).isEmpty();
    }

    /** Uploads {@code text} as {@code name} to demo2's drive root straight on the sandbox; Graph's driveItem. */
    private JsonNode upload(String name, String text) throws Exception {
        return new ObjectMapper()
                .readTree(sandbox.send(
                                "PUT", "/v1.0/me/drive/root:/" + name + ":/content", text, SandboxTenant.DEMO2_TOKEN)
                        .body());
    }

    private List<Received> itemRequests(JsonNode file) {
        return sandbox.received("/v1.0/me/drive/items/" + file.path("id").asText());
    }

    private static EntryKey key(JsonNode file) {
        return EntryKey.of(
                "file_get",
                "demo2",
                Map.of("file_id", file.path("id").asText(), "include_content", true, "content_offset", 0));
    }

    /** The {@code file_get} answer for {@code file} as the cache holds it: with its text, eTag and cTag. */
    private static CacheEntryEnvelope cached(JsonNode file) throws Exception {
        return envelope(ANSWERS.writeValueAsBytes(new DriveItemAnswer(
                "demo2",
                item(file),
                file.path("eTag").asText(),
                file.path("cTag").asText(),
                "text",
                null,
                null,
                null,
                null)));
    }

    private static DriveItem item(JsonNode file) {
        return new DriveItem(
                file.path("id").asText(),
                file.path("name").asText(),
                false,
                null,
                null,
                file.path("size").asLong(),
                "text/plain",
                null,
                null);
    }

    private static CacheEntryEnvelope envelope(byte[] payload) {
        Instant fetched = Instant.parse("2026-01-15T09:00:00Z");
        return new CacheEntryEnvelope(payload, fetched, fetched.plusSeconds(60), fetched.plusSeconds(600));
    }
}
