package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ETags as Graph keeps them: Outlook's {@code @odata.etag} and OneDrive's {@code eTag}/{@code cTag} change
 * on every update (the sandbox's clock stands still here, so time cannot be what changes them),
 * {@code If-Match} with a stale one is 412 and changes nothing, {@code If-None-Match} on a drive item or
 * its content is 304 while it is unchanged.
 */
class EtagEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SandboxServer sandbox = SandboxServer.start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void messagePatch_everyUpdateANewEtag_staleIfMatch412_unchanged() throws IOException {
        String id = sandbox.demo("GET", "/me/messages?$top=1", null, 200)
                .path("value")
                .get(0)
                .path("id")
                .asText();
        String before = sandbox.demo("GET", "/me/messages/" + id, null, 200)
                .path("@odata.etag")
                .asText();
        String once = sandbox.demo("PATCH", "/me/messages/" + id, "{\"isRead\":true}", 200)
                .path("@odata.etag")
                .asText();
        String twice = sandbox.demo("PATCH", "/me/messages/" + id, "{\"isRead\":true}", 200)
                .path("@odata.etag")
                .asText();

        HttpResponse<String> stale =
                send("PATCH", "/me/messages/" + id, "{\"subject\":\"lost\"}", Map.of("If-Match", once));
        HttpResponse<String> current =
                send("PATCH", "/me/messages/" + id, "{\"subject\":\"kept\"}", Map.of("If-Match", twice));

        assertThat(before).startsWith("W/\"");
        assertThat(java.util.List.of(before, once, twice)).doesNotHaveDuplicates();
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(code(stale)).isEqualTo("ErrorIrresolvableConflict");
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(sandbox.demo("GET", "/me/messages/" + id, null, 200)
                        .path("subject")
                        .asText())
                .isEqualTo("kept");
    }

    @Test
    void messageDelete_staleIfMatch412_stillThere() throws IOException {
        JsonNode message = sandbox.demo("GET", "/me/messages?$top=1", null, 200)
                .path("value")
                .get(0);
        String id = message.path("id").asText();
        sandbox.demo("PATCH", "/me/messages/" + id, "{\"isRead\":false}", 200);

        HttpResponse<String> stale = send(
                "DELETE",
                "/me/messages/" + id,
                null,
                Map.of("If-Match", message.path("@odata.etag").asText()));

        assertThat(stale.statusCode()).isEqualTo(412);
        sandbox.demo("GET", "/me/messages/" + id, null, 200);
    }

    @Test
    void eventAndContact_staleIfMatch412_currentOrStar200() throws IOException {
        JsonNode event = sandbox.demo("POST", "/me/events", """
                {"subject":"Etag","start":{"dateTime":"2026-01-20T10:00:00","timeZone":"UTC"},
                 "end":{"dateTime":"2026-01-20T11:00:00","timeZone":"UTC"}}""", 201);
        String eventNow = sandbox.demo("PATCH", "/me/events/" + event.path("id").asText(), "{\"subject\":\"x\"}", 200)
                .path("@odata.etag")
                .asText();
        JsonNode contact = sandbox.demo("POST", "/me/contacts", "{\"givenName\":\"Etag\"}", 201);
        sandbox.demo("PATCH", "/me/contacts/" + contact.path("id").asText(), "{\"jobTitle\":\"x\"}", 200);

        assertThat(send(
                                "PATCH",
                                "/me/events/" + event.path("id").asText(),
                                "{\"subject\":\"y\"}",
                                Map.of("If-Match", event.path("@odata.etag").asText()))
                        .statusCode())
                .isEqualTo(412);
        assertThat(send(
                                "PATCH",
                                "/me/events/" + event.path("id").asText(),
                                "{\"subject\":\"y\"}",
                                Map.of("If-Match", eventNow))
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(
                                "DELETE",
                                "/me/contacts/" + contact.path("id").asText(),
                                null,
                                Map.of("If-Match", contact.path("@odata.etag").asText()))
                        .statusCode())
                .isEqualTo(412);
        assertThat(send("DELETE", "/me/contacts/" + contact.path("id").asText(), null, Map.of("If-Match", "*"))
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void driveItemGet_ifNoneMatchCurrentTag_304WithoutBody_afterARename_200() throws IOException {
        String file = firstFile();
        JsonNode item = sandbox.demo("GET", "/me/drive/items/" + file, null, 200);

        HttpResponse<String> byETag = send(
                "GET",
                "/me/drive/items/" + file,
                null,
                Map.of("If-None-Match", item.path("eTag").asText()));
        HttpResponse<String> byCTag = send(
                "GET",
                "/me/drive/items/" + file,
                null,
                Map.of("If-None-Match", item.path("cTag").asText()));
        sandbox.demo("PATCH", "/me/drive/items/" + file, "{\"name\":\"etag-renamed.xlsx\"}", 200);
        HttpResponse<String> changed = send(
                "GET",
                "/me/drive/items/" + file,
                null,
                Map.of("If-None-Match", item.path("eTag").asText()));

        assertThat(byETag.statusCode()).isEqualTo(304);
        assertThat(byETag.body()).isEmpty();
        assertThat(byCTag.statusCode()).isEqualTo(304);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).path("eTag").asText())
                .isNotEqualTo(item.path("eTag").asText());
        assertThat(JSON.readTree(changed.body()).path("cTag").asText())
                .isEqualTo(item.path("cTag").asText());
    }

    @Test
    void driveContent_ifNoneMatchCTag_304_newContent_newCTag() throws IOException {
        String file = firstFile();
        String cTag = sandbox.demo("GET", "/me/drive/items/" + file, null, 200)
                .path("cTag")
                .asText();

        HttpResponse<String> unchanged =
                send("GET", "/me/drive/items/" + file + "/content", null, Map.of("If-None-Match", cTag));
        sandbox.send("PUT", "/v1.0/me/drive/items/" + file + "/content", "new bytes", SandboxTenant.DEMO_TOKEN);

        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(sandbox.demo("GET", "/me/drive/items/" + file, null, 200)
                        .path("cTag")
                        .asText())
                .isNotEqualTo(cTag);
        assertThat(send("GET", "/me/drive/items/" + file + "/content", null, Map.of("If-None-Match", cTag))
                        .statusCode())
                .isEqualTo(302);
    }

    @Test
    void driveItemPatchAndDelete_staleIfMatch412ResourceModified() throws IOException {
        String file = firstFile();
        String eTag = sandbox.demo("GET", "/me/drive/items/" + file, null, 200)
                .path("eTag")
                .asText();
        sandbox.demo("PATCH", "/me/drive/items/" + file, "{\"name\":\"first.xlsx\"}", 200);

        HttpResponse<String> patch =
                send("PATCH", "/me/drive/items/" + file, "{\"name\":\"second.xlsx\"}", Map.of("If-Match", eTag));
        HttpResponse<String> delete = send("DELETE", "/me/drive/items/" + file, null, Map.of("If-Match", eTag));

        assertThat(patch.statusCode()).isEqualTo(412);
        assertThat(code(patch)).isEqualTo("resourceModified");
        assertThat(delete.statusCode()).isEqualTo(412);
        assertThat(sandbox.demo("GET", "/me/drive/items/" + file, null, 200)
                        .path("name")
                        .asText())
                .isEqualTo("first.xlsx");
    }

    @Test
    void folder_noCTag_eTagChangesWhenAChildIsAdded() {
        JsonNode desktop = sandbox.demo("GET", "/me/drive/root:/Desktop", null, 200);
        sandbox.demo("POST", "/me/drive/root:/Desktop:/children", "{\"name\":\"Etag child\",\"folder\":{}}", 201);

        assertThat(desktop.has("cTag")).isFalse();
        assertThat(sandbox.demo("GET", "/me/drive/root:/Desktop", null, 200)
                        .path("eTag")
                        .asText())
                .isNotEqualTo(desktop.path("eTag").asText());
    }

    private String firstFile() {
        for (JsonNode item : sandbox.demo("GET", "/me/drive/root:/Documents/Finance/2024/Q3:/children", null, 200)
                .path("value")) {
            if (item.has("file")) {
                return item.path("id").asText();
            }
        }
        throw new AssertionError("no file");
    }

    private HttpResponse<String> send(String method, String graphPath, String body, Map<String, String> headers) {
        return sandbox.send(method, "/v1.0" + graphPath, body, SandboxTenant.DEMO_TOKEN, headers);
    }

    private static String code(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).path("error").path("code").asText();
    }
}
