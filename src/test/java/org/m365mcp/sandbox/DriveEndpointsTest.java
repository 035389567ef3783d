package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OneDrive over HTTP: tree, paths, content, uploads, copy monitors, moves, links, as Graph answers them. */
class DriveEndpointsTest {

    private final SandboxServer sandbox = SandboxServer.start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private int countFolders(String itemId) {
        int folders = 0;
        for (JsonNode child : sandbox.client(Duration.ofSeconds(5), 0)
                .getPaged("demo", "/me/drive/items/" + itemId + "/children?$select=id,folder", 10_000)) {
            if (child.has("folder")) {
                folders += 1 + countFolders(child.path("id").asText());
            }
        }
        return folders;
    }

    @Test
    void root_andTree_aFewHundredFoldersDeterministically() {
        JsonNode drive = sandbox.demo("GET", "/me/drive", null, 200);
        assertThat(drive.path("driveType").asText()).isEqualTo("business");
        JsonNode root = sandbox.demo("GET", "/me/drive/root", null, 200);
        assertThat(root.has("root")).isTrue();
        assertThat(sandbox.demo("GET", "/me/drive/root/children", null, 200).path("value"))
                .extracting(i -> i.path("name").asText())
                .containsExactly("Archive", "Desktop", "Documents", "Pictures", "Shared");

        assertThat(countFolders(root.path("id").asText())).isEqualTo(274);
        try (SandboxServer again = SandboxServer.start()) {
            String specs =
                    "/me/drive/root:/Documents/Projects/Mark 8 launch/Specs:/children?$select=id,name,size,createdDateTime";
            assertThat(again.demo("GET", specs, null, 200).path("value"))
                    .isEqualTo(sandbox.demo("GET", specs, null, 200).path("value"))
                    .hasSize(3);
        }
    }

    @Test
    void pathAddressing_itemChildrenAndParentPath() {
        JsonNode q1 = sandbox.demo("GET", "/me/drive/root:/Documents/Finance/2025/Q1", null, 200);
        assertThat(q1.path("name").asText()).isEqualTo("Q1");
        assertThat(q1.path("parentReference").path("path").asText()).isEqualTo("/drive/root:/Documents/Finance/2025");
        assertThat(sandbox.demo("GET", "/me/drive/root:/documents/finance/2025/q1:", null, 200)
                        .path("id")
                        .asText())
                .isEqualTo(q1.path("id").asText());
        JsonNode children = sandbox.demo("GET", "/me/drive/root:/Documents/Finance/2025:/children", null, 200);
        assertThat(children.path("value"))
                .extracting(c -> c.path("name").asText())
                .containsExactly("Q1", "Q2", "Q3", "Q4");
        assertThat(children.path("value")
                        .get(0)
                        .path("folder")
                        .path("childCount")
                        .asInt())
                .isEqualTo(q1.path("folder").path("childCount").asInt());
        assertThat(sandbox.demo("GET", "/me/drive/root:/Documents/Nope", null, 404)
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("itemNotFound");
        sandbox.demo("GET", "/me/drive/items/01NOSUCHITEM", null, 404);
    }

    @Test
    void uploadDownload_putByPathCreatesThen302ToBytes() {
        JsonNode created = sandbox.demo("PUT", "/me/drive/root:/Documents/Notes/todo.txt:/content", "buy milk", 201);
        assertThat(created.path("size").asInt()).isEqualTo(8);
        assertThat(created.path("file").path("mimeType").asText()).isEqualTo("text/plain");
        assertThat(created.path("parentReference").path("path").asText()).isEqualTo("/drive/root:/Documents/Notes");
        JsonNode replaced =
                sandbox.demo("PUT", "/me/drive/root:/Documents/Notes/todo.txt:/content", "buy oat milk", 200);
        assertThat(replaced.path("id").asText()).isEqualTo(created.path("id").asText());
        JsonNode renamed = sandbox.demo(
                "PUT",
                "/me/drive/items/" + created.path("parentReference").path("id").asText()
                        + ":/todo.txt:/content?@microsoft.graph.conflictBehavior=rename",
                "second",
                201);
        assertThat(renamed.path("name").asText()).isEqualTo("todo 1.txt");

        HttpResponse<String> redirect = sandbox.send(
                "GET",
                "/v1.0/me/drive/items/" + created.path("id").asText() + "/content",
                null,
                SandboxTenant.DEMO_TOKEN);
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .isEqualTo(replaced.path("@microsoft.graph.downloadUrl").asText());
        HttpResponse<String> bytes =
                sandbox.send("GET", location.substring(sandbox.root().toString().length()), null, null);
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo("buy oat milk");
        assertThat(sandbox.send(
                                "GET",
                                location.substring(sandbox.root().toString().length())
                                        .replace("tempauth=", "tempauth=x"),
                                null,
                                null)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void createFolder_conflictBehaviors() {
        String body = "{\"name\":\"Reports\",\"folder\":{}}";
        JsonNode first = sandbox.demo("POST", "/me/drive/root:/Desktop:/children", body, 201);
        assertThat(first.path("folder").path("childCount").asInt()).isZero();
        assertThat(sandbox.demo("POST", "/me/drive/root:/Desktop:/children", body, 409)
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("nameAlreadyExists");
        JsonNode second = sandbox.demo(
                "POST",
                "/me/drive/root:/Desktop:/children",
                "{\"name\":\"Reports\",\"folder\":{},\"@microsoft.graph.conflictBehavior\":\"rename\"}",
                201);
        assertThat(second.path("name").asText()).isEqualTo("Reports 1");
        sandbox.demo("POST", "/me/drive/root:/Desktop:/children", "{\"name\":\"a:b\",\"folder\":{}}", 400);
    }

    @Test
    void copy_202WithMonitor_reportsProgressThenTheNewItem() {
        String spec = sandbox.demo("GET", "/me/drive/root:/Documents/Projects/Mark 8 launch", null, 200)
                .path("id")
                .asText();
        String desktop = sandbox.demo("GET", "/me/drive/root:/Desktop", null, 200)
                .path("id")
                .asText();

        HttpResponse<String> accepted = sandbox.send(
                "POST",
                "/v1.0/me/drive/items/" + spec + "/copy",
                "{\"parentReference\":{\"id\":\"" + desktop + "\"},\"name\":\"Mark 8 copy\"}",
                SandboxTenant.DEMO_TOKEN);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String monitor = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(monitor).startsWith(sandbox.root() + "/monitor/");

        HttpResponse<String> first =
                sandbox.send("GET", monitor.substring(sandbox.root().toString().length()), null, null);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.body()).contains("\"status\":\"inProgress\"");
        HttpResponse<String> done =
                sandbox.send("GET", monitor.substring(sandbox.root().toString().length()), null, null);
        assertThat(done.statusCode()).isEqualTo(200);
        String newId = done.body().replaceAll(".*\"resourceId\":\"([^\"]+)\".*", "$1");
        JsonNode copy = sandbox.demo("GET", "/me/drive/items/" + newId, null, 200);
        assertThat(copy.path("name").asText()).isEqualTo("Mark 8 copy");
        assertThat(copy.path("folder").path("childCount").asInt())
                .isEqualTo(sandbox.demo("GET", "/me/drive/items/" + spec, null, 200)
                        .path("folder")
                        .path("childCount")
                        .asInt());
        assertThat(sandbox.send(
                                "POST",
                                "/v1.0/me/drive/items/" + spec + "/copy",
                                "{\"parentReference\":{\"id\":\"" + desktop + "\"},\"name\":\"Mark 8 copy\"}",
                                SandboxTenant.DEMO_TOKEN)
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void patch_renameAndMove_deleteRecursive() {
        JsonNode hr = sandbox.demo("GET", "/me/drive/root:/Documents/HR", null, 200);
        String id = hr.path("id").asText();
        String shared = sandbox.demo("GET", "/me/drive/root:/Shared", null, 200)
                .path("id")
                .asText();

        JsonNode moved = sandbox.demo(
                "PATCH",
                "/me/drive/items/" + id,
                "{\"name\":\"People\",\"parentReference\":{\"id\":\"" + shared + "\"}}",
                200);
        assertThat(moved.path("name").asText()).isEqualTo("People");
        assertThat(moved.path("parentReference").path("path").asText()).isEqualTo("/drive/root:/Shared");
        sandbox.demo("GET", "/me/drive/root:/Documents/HR", null, 404);
        String policies = sandbox.demo("GET", "/me/drive/root:/Shared/People/Policies", null, 200)
                .path("id")
                .asText();
        sandbox.demo("PATCH", "/me/drive/items/" + id, "{\"parentReference\":{\"id\":\"" + policies + "\"}}", 400);
        sandbox.demo("PATCH", "/me/drive/items/" + id, "{\"name\":\"marketing\"}", 409);

        sandbox.demo("DELETE", "/me/drive/items/" + id, null, 204);
        sandbox.demo("GET", "/me/drive/items/" + policies, null, 404);
    }

    @Test
    void createLink_newThenExisting() {
        String id = sandbox.demo("GET", "/me/drive/root:/Documents/Finance/2025", null, 200)
                .path("id")
                .asText();

        JsonNode link = sandbox.demo(
                "POST", "/me/drive/items/" + id + "/createLink", "{\"type\":\"view\",\"scope\":\"organization\"}", 201);
        assertThat(link.path("roles")).extracting(JsonNode::asText).containsExactly("read");
        assertThat(link.path("link").path("scope").asText()).isEqualTo("organization");
        assertThat(link.path("link").path("webUrl").asText())
                .startsWith("https://contoso-my.sharepoint.com/:v:/g/personal/");
        JsonNode again = sandbox.demo(
                "POST", "/me/drive/items/" + id + "/createLink", "{\"type\":\"view\",\"scope\":\"organization\"}", 200);
        assertThat(again.path("id").asText()).isEqualTo(link.path("id").asText());
        JsonNode edit = sandbox.demo("POST", "/me/drive/items/" + id + "/createLink", "{\"type\":\"edit\"}", 201);
        assertThat(edit.path("roles")).extracting(JsonNode::asText).containsExactly("write");
        sandbox.demo("POST", "/me/drive/items/" + id + "/createLink", "{\"type\":\"own\"}", 400);
    }

    @Test
    void eachAccountHasItsOwnDrive() {
        HttpResponse<String> megan = sandbox.send("GET", "/v1.0/me/drive", null, SandboxTenant.DEMO2_TOKEN);
        assertThat(megan.body()).contains("\"displayName\":\"Megan Bowen\"");
        sandbox.demo("PUT", "/me/drive/root:/only-adele.txt:/content", "x", 201);
        assertThat(sandbox.send("GET", "/v1.0/me/drive/root:/only-adele.txt", null, SandboxTenant.DEMO2_TOKEN)
                        .statusCode())
                .isEqualTo(404);
        assertThat(List.of(megan.statusCode())).containsExactly(200);
    }
}
