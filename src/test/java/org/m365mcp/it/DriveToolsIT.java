package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.cacheState;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * The OneDrive file and folder tools over MCP on Payara Micro, against the sandbox tenant: what each
 * tool does in Graph and its cache (a second read is fresh, a write makes the dependent read a miss,
 * the other account's entries stay). Reads use {@code demo}'s seeded drive; writes go to {@code demo2},
 * each test in a folder of its own. The cache file outlives a run, so first reads force a refresh.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DriveToolsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    private McpSyncClient client;

    @BeforeEach
    void connect() {
        client = ItServer.client(base);
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
    }

    // ---- reads

    @Test
    void folderList_rootAndPath_listsSeededFolders_secondIsFresh_badAddressesAreArgumentErrors() {
        CallToolResult first = call(client, "folder_list", Map.of("account_id", "demo", "force_refresh", true));
        CallToolResult second = call(client, "folder_list", Map.of("account_id", "demo"));

        assertThat(items(structured(first), "folders"))
                .extracting(f -> f.get("name"))
                .contains("Documents", "Pictures", "Shared", "Desktop", "Archive");
        assertThat(cacheState(first)).isEqualTo("miss");
        assertThat(cacheState(second)).isEqualTo("fresh");
        Map<String, Object> documents = ok("folder_list", Map.of("account_id", "demo", "folder", "/Documents"));
        assertThat(items(documents, "folders"))
                .extracting(f -> f.get("name"))
                .contains("Projects", "Finance", "Customers");
        assertThat(items(documents, "folders"))
                .allSatisfy(f -> assertThat(f).containsEntry("folder", true).containsKeys("id", "path", "child_count"));
        assertThat(error("folder_list", Map.of("account_id", "demo", "folder", "01NOSUCHFOLDER")))
                .startsWith("Invalid argument 'folder': no folder '01NOSUCHFOLDER'");
        assertThat(error("folder_list", Map.of("account_id", "demo", "folder", "/Documents/../x")))
                .startsWith("Invalid argument 'folder'");
    }

    @Test
    void folderGet_byPath_givesTheFolder_secondIsFresh() {
        CallToolResult first = call(
                client,
                "folder_get",
                Map.of("account_id", "demo", "folder", "/Documents/Finance", "force_refresh", true));
        CallToolResult second =
                call(client, "folder_get", Map.of("account_id", "demo", "folder", "/Documents/Finance"));

        Map<String, Object> item = item(structured(first));
        assertThat(item)
                .containsEntry("name", "Finance")
                .containsEntry("path", "/Documents/Finance")
                .containsEntry("folder", true);
        assertThat((Integer) item.get("child_count")).isGreaterThanOrEqualTo(5);
        assertThat(cacheState(second)).isEqualTo("fresh");
    }

    @Test
    void folderGetTree_wholeDrive_fetchesConcurrentlyWithinTheMailboxCap_andTheSecondCallIsFresh() throws Exception {
        SandboxAdmin admin = new SandboxAdmin(base);
        admin.latency(30);
        try {
            admin.resetRequests();
            CallToolResult cold = call(
                    client, "folder_get_tree", Map.of("account_id", "demo", "max_depth", 10, "force_refresh", true));
            long inFlight = admin.maxInFlight("demo");
            long requests = admin.graphRequests();
            CallToolResult warm = call(client, "folder_get_tree", Map.of("account_id", "demo", "max_depth", 10));

            Map<String, Object> tree = structured(cold);
            assertThat((Integer) tree.get("folder_count")).isGreaterThanOrEqualTo(250);
            assertThat(tree).containsEntry("truncated", false);
            assertThat(inFlight)
                    .as("listings run concurrently, within the per-mailbox cap")
                    .isBetween(2L, 4L);
            assertThat(requests).isGreaterThan(50);
            assertThat(cacheState(warm)).isEqualTo("fresh");
            assertThat(admin.graphRequests())
                    .as("the cached tree costs no request")
                    .isEqualTo(requests);
        } finally {
            admin.latency(0);
        }
        Map<String, Object> shallow =
                ok("folder_get_tree", Map.of("account_id", "demo", "folder", "/Documents", "max_depth", 1));
        assertThat(items(shallow, "folders"))
                .extracting(f -> f.get("name"))
                .contains("Projects", "Finance")
                .allSatisfy(name -> assertThat(name).isNotNull());
        assertThat(items(shallow, "folders")).allSatisfy(f -> assertThat(f).doesNotContainKey("children"));
    }

    @Test
    void fileListAndGet_textFileHasItsText_binaryPointsToTheDownloadUrl_whichServesTheBytes() throws Exception {
        String project = "/Documents/Projects/"
                + firstName(ok("folder_list", Map.of("account_id", "demo", "folder", "/Documents/Projects")));
        CallToolResult first =
                call(client, "file_list", Map.of("account_id", "demo", "folder", project, "force_refresh", true));
        CallToolResult second = call(client, "file_list", Map.of("account_id", "demo", "folder", project));
        assertThat(items(structured(first), "files"))
                .hasSize(2)
                .allSatisfy(f -> assertThat(f).containsEntry("folder", false).containsKeys("id", "mime_type", "size"));
        assertThat(cacheState(first)).isEqualTo("miss");
        assertThat(cacheState(second)).isEqualTo("fresh");

        List<Map<String, Object>> files = new java.util.ArrayList<>();
        for (Map<String, Object> folder :
                items(ok("folder_list", Map.of("account_id", "demo", "folder", "/Documents/Projects")), "folders")) {
            files.addAll(items(ok("file_list", Map.of("account_id", "demo", "folder", folder.get("id"))), "files"));
        }
        Map<String, Object> text = files.stream()
                .filter(f -> String.valueOf(f.get("mime_type")).startsWith("text/"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> textAnswer = ok("file_get", Map.of("account_id", "demo", "file_id", text.get("id")));
        assertThat((String) textAnswer.get("content"))
                .startsWith("Contoso sandbox file " + text.get("name"))
                .hasSize(((Number) text.get("size")).intValue());
        Map<String, Object> binary = files.stream()
                .filter(f -> !String.valueOf(f.get("mime_type")).startsWith("text/"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> binaryAnswer = ok("file_get", Map.of("account_id", "demo", "file_id", binary.get("id")));
        assertThat(binaryAnswer).doesNotContainKey("content");
        assertThat((String) binaryAnswer.get("content_note")).contains("file_download_url");
        CallToolResult cachedBinary =
                call(client, "file_get", Map.of("account_id", "demo", "file_id", binary.get("id")));
        assertThat(cacheState(cachedBinary)).isEqualTo("fresh");
        for (Map<String, Object> answer : List.of(binaryAnswer, structured(cachedBinary))) {
            HttpResponse<byte[]> linked = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create((String) answer.get("download_url")))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(linked.statusCode())
                    .as("file_get's download link works, cached or not")
                    .isEqualTo(200);
            assertThat((long) linked.body().length).isEqualTo(((Number) binary.get("size")).longValue());
        }
        assertThat(textAnswer).doesNotContainKey("download_url");

        Map<String, Object> url = ok("file_download_url", Map.of("account_id", "demo", "file_id", binary.get("id")));
        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create((String) url.get("url")))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat((long) download.body().length).isEqualTo(((Number) binary.get("size")).longValue());
        assertThat(error("file_get", Map.of("account_id", "demo", "file_id", "01NOSUCHFILE")))
                .startsWith("Invalid argument 'file_id': no file '01NOSUCHFILE'");
        assertThat(error("file_get", Map.of("account_id", "demo", "file_id", "../me")))
                .startsWith("Invalid argument 'file_id'");
    }

    // ---- writes (demo2)

    @Test
    void fileWrites_createUpdateRenameCopyMoveShareDelete_invalidateTheDependentReads() {
        String folderId = newFolder("files");
        String subId =
                (String) ok("folder_create", Map.of("account_id", "demo2", "name", "sub", "parent_folder", folderId))
                        .get("item_id");
        CallToolResult listed = call(client, "file_list", Map.of("account_id", "demo2", "folder", folderId));
        assertThat(cacheState(call(client, "file_list", Map.of("account_id", "demo2", "folder", folderId))))
                .isEqualTo("fresh");
        call(client, "file_list", Map.of("account_id", "demo", "folder", "/Documents"));
        assertThat(items(structured(listed), "files")).isEmpty();

        Map<String, Object> created = ok(
                "file_create",
                Map.of(
                        "account_id",
                        "demo2",
                        "parent_folder",
                        folderId,
                        "name",
                        "notes.txt",
                        "content",
                        "hello drive"));
        String fileId = (String) created.get("item_id");
        CallToolResult afterCreate = call(client, "file_list", Map.of("account_id", "demo2", "folder", folderId));
        assertThat(cacheState(afterCreate))
                .as("file_create invalidates file_list")
                .isEqualTo("miss");
        assertThat(items(structured(afterCreate), "files"))
                .extracting(f -> f.get("name"))
                .containsExactly("notes.txt");
        assertThat(cacheState(call(client, "file_list", Map.of("account_id", "demo", "folder", "/Documents"))))
                .as("the other account's file_list is untouched")
                .isEqualTo("fresh");
        assertThat(error(
                        "file_create",
                        Map.of(
                                "account_id",
                                "demo2",
                                "parent_folder",
                                folderId,
                                "name",
                                "notes.txt",
                                "content",
                                "again")))
                .startsWith("Invalid argument 'name': an item named 'notes.txt' already exists");

        assertThat(item(ok("file_get", Map.of("account_id", "demo2", "file_id", fileId))))
                .containsEntry("size", 11);
        assertThat(ok("file_get", Map.of("account_id", "demo2", "file_id", fileId)))
                .containsEntry("content", "hello drive");
        ok("file_update", Map.of("account_id", "demo2", "file_id", fileId, "content", "changed"));
        CallToolResult afterUpdate = call(client, "file_get", Map.of("account_id", "demo2", "file_id", fileId));
        assertThat(cacheState(afterUpdate))
                .as("file_update invalidates file_get")
                .isEqualTo("miss");
        assertThat(structured(afterUpdate)).containsEntry("content", "changed");

        Map<String, Object> renamed =
                item(ok("file_rename", Map.of("account_id", "demo2", "file_id", fileId, "new_name", "renamed.txt")));
        assertThat(renamed).containsEntry("name", "renamed.txt");
        assertThat(cacheState(call(client, "file_get", Map.of("account_id", "demo2", "file_id", fileId))))
                .isEqualTo("miss");

        Map<String, Object> copy =
                ok("file_copy", Map.of("account_id", "demo2", "file_id", fileId, "new_name", "copy.txt"));
        assertThat((String) copy.get("item_id")).isNotBlank().isNotEqualTo(fileId);
        assertThat(items(ok("file_list", Map.of("account_id", "demo2", "folder", folderId)), "files"))
                .extracting(f -> f.get("name"))
                .containsExactly("copy.txt", "renamed.txt");

        Map<String, Object> moved = item(ok(
                "file_move",
                Map.of("account_id", "demo2", "file_id", copy.get("item_id"), "destination_folder", subId)));
        assertThat(moved).containsEntry("parent_id", subId);
        assertThat(items(ok("file_list", Map.of("account_id", "demo2", "folder", subId)), "files"))
                .extracting(f -> f.get("name"))
                .containsExactly("copy.txt");

        Map<String, Object> share = ok(
                "file_share", Map.of("account_id", "demo2", "file_id", fileId, "type", "view", "scope", "anonymous"));
        assertThat(share)
                .containsEntry("type", "view")
                .containsEntry("scope", "anonymous")
                .containsEntry("created", true);
        assertThat((String) share.get("url")).startsWith("https://");
        assertThat(error("file_share", Map.of("account_id", "demo2", "file_id", fileId, "type", "own")))
                .startsWith("Invalid argument 'type'");

        assertThat(error("file_delete", Map.of("account_id", "demo2", "file_id", fileId)))
                .startsWith("Invalid argument 'confirm'");
        assertThat(error("file_delete", Map.of("account_id", "demo2", "file_id", subId, "confirm", true)))
                .startsWith("Invalid argument 'file_id': '" + subId + "' is a folder");
        ok("file_delete", Map.of("account_id", "demo2", "file_id", fileId, "confirm", true));
        assertThat(error(
                        "folder_delete",
                        Map.of("account_id", "demo2", "folder_id", copy.get("item_id"), "confirm", true)))
                .contains("is a file");
        assertThat(error("file_get", Map.of("account_id", "demo2", "file_id", fileId)))
                .as("file_delete invalidates file_get")
                .contains("no file '" + fileId + "'");
    }

    @Test
    void folderWrites_createRenameMoveDelete_invalidateTheFolderReads() {
        String folderId = newFolder("folders");
        CallToolResult before =
                call(client, "folder_list", Map.of("account_id", "demo2", "folder", folderId, "force_refresh", true));
        assertThat(items(structured(before), "folders")).isEmpty();
        call(client, "folder_get_tree", Map.of("account_id", "demo2", "folder", folderId, "force_refresh", true));
        call(client, "folder_list", Map.of("account_id", "demo", "force_refresh", true));

        String a = (String) ok("folder_create", Map.of("account_id", "demo2", "name", "a", "parent_folder", folderId))
                .get("item_id");
        String b = (String) ok("folder_create", Map.of("account_id", "demo2", "name", "b", "parent_folder", folderId))
                .get("item_id");
        CallToolResult after = call(client, "folder_list", Map.of("account_id", "demo2", "folder", folderId));
        assertThat(cacheState(after))
                .as("folder_create invalidates folder_list")
                .isEqualTo("miss");
        assertThat(items(structured(after), "folders"))
                .extracting(f -> f.get("name"))
                .containsExactly("a", "b");
        assertThat(cacheState(call(client, "folder_list", Map.of("account_id", "demo"))))
                .as("the other account's folder_list is untouched")
                .isEqualTo("fresh");
        assertThat(error("folder_create", Map.of("account_id", "demo2", "name", "a", "parent_folder", folderId)))
                .startsWith("Invalid argument 'name'");
        assertThat(item(ok(
                        "folder_create",
                        Map.of(
                                "account_id",
                                "demo2",
                                "name",
                                "a",
                                "parent_folder",
                                folderId,
                                "conflict_behavior",
                                "rename"))))
                .extracting(i -> i.get("name"))
                .isNotEqualTo("a");

        ok("folder_rename", Map.of("account_id", "demo2", "folder_id", a, "new_name", "a2"));
        ok("folder_move", Map.of("account_id", "demo2", "folder_id", b, "destination_folder", a));
        CallToolResult tree = call(client, "folder_get_tree", Map.of("account_id", "demo2", "folder", folderId));
        assertThat(cacheState(tree)).isEqualTo("miss");
        Map<String, Object> a2 = items(structured(tree), "folders").stream()
                .filter(f -> "a2".equals(f.get("name")))
                .findFirst()
                .orElseThrow();
        assertThat(items(a2, "children")).extracting(f -> f.get("name")).containsExactly("b");

        assertThat(error("folder_delete", Map.of("account_id", "demo2", "folder_id", a)))
                .startsWith("Invalid argument 'confirm'");
        ok("folder_delete", Map.of("account_id", "demo2", "folder_id", a, "confirm", true));
        assertThat(error("folder_get", Map.of("account_id", "demo2", "folder", b)))
                .contains("no folder '" + b + "'");
    }

    @Test
    void renameMoveAndShare_checkTheItemsKind_andChangeNothingOfTheOtherKind() {
        String folderId = newFolder("kinds");
        String subId =
                (String) ok("folder_create", Map.of("account_id", "demo2", "name", "sub", "parent_folder", folderId))
                        .get("item_id");
        String fileId = (String) ok(
                        "file_create",
                        Map.of(
                                "account_id",
                                "demo2",
                                "parent_folder",
                                folderId,
                                "name",
                                "kind.txt",
                                "content",
                                "a file"))
                .get("item_id");

        assertThat(error("folder_rename", Map.of("account_id", "demo2", "folder_id", fileId, "new_name", "x")))
                .isEqualTo("Invalid argument 'folder_id': '" + fileId + "' is a file: use file_rename");
        assertThat(error(
                        "folder_move", Map.of("account_id", "demo2", "folder_id", fileId, "destination_folder", subId)))
                .isEqualTo("Invalid argument 'folder_id': '" + fileId + "' is a file: use file_move");
        assertThat(error("file_rename", Map.of("account_id", "demo2", "file_id", subId, "new_name", "x")))
                .isEqualTo("Invalid argument 'file_id': '" + subId + "' is a folder: use folder_rename");
        assertThat(error("file_move", Map.of("account_id", "demo2", "file_id", subId, "destination_folder", "/")))
                .isEqualTo("Invalid argument 'file_id': '" + subId + "' is a folder: use folder_move");
        assertThat(error("file_share", Map.of("account_id", "demo2", "file_id", subId)))
                .startsWith("Invalid argument 'file_id': '" + subId + "' is a folder: file_share shares files only");
        assertThat(error(
                        "folder_move", Map.of("account_id", "demo2", "folder_id", subId, "destination_folder", fileId)))
                .isEqualTo(
                        "Invalid argument 'destination_folder': '" + fileId + "' is a file: give a folder id or path");
        assertThat(error(
                        "file_copy",
                        Map.of("account_id", "demo2", "file_id", fileId, "destination_folder", "/No such folder")))
                .startsWith("Invalid argument 'destination_folder': no folder '/No such folder'");
        assertThat(error("file_rename", Map.of("account_id", "demo2", "file_id", "01NOSUCHFILE", "new_name", "x")))
                .startsWith("Invalid argument 'file_id': no file '01NOSUCHFILE'");

        assertThat(items(
                        ok("file_list", Map.of("account_id", "demo2", "folder", folderId, "force_refresh", true)),
                        "files"))
                .extracting(f -> f.get("name"))
                .containsExactly("kind.txt");
        assertThat(items(
                        ok("folder_list", Map.of("account_id", "demo2", "folder", folderId, "force_refresh", true)),
                        "folders"))
                .extracting(f -> f.get("name"))
                .containsExactly("sub");
    }

    @Test
    void fileCreate_tenMegabytes_goesThroughAnUploadSession_andArrivesByteIdentical() throws Exception {
        String folderId = newFolder("large");
        byte[] bytes = randomBytes(10 * 1024 * 1024, 1);
        Files.write(downloads().resolve("it-large.bin"), bytes);
        SandboxAdmin admin = new SandboxAdmin(base);
        long before = admin.requestsUnder("/upload/");

        Map<String, Object> created = ok(
                "file_create",
                Map.of(
                        "account_id",
                        "demo2",
                        "parent_folder",
                        folderId,
                        "name",
                        "large.bin",
                        "local_file",
                        "it-large.bin"));

        assertThat((String) created.get("message")).contains("10485760 bytes, through an upload session");
        assertThat(item(created)).containsEntry("size", 10485760).containsEntry("name", "large.bin");
        assertThat(admin.requestsUnder("/upload/") - before)
                .as("four fragments of 3.2 MiB or less")
                .isEqualTo(4);
        assertThat(sha256(download((String) created.get("item_id")))).isEqualTo(sha256(bytes));
        assertThat(error(
                        "file_create",
                        Map.of(
                                "account_id",
                                "demo2",
                                "parent_folder",
                                folderId,
                                "name",
                                "large.bin",
                                "local_file",
                                "it-large.bin")))
                .startsWith("Invalid argument 'name': an item named 'large.bin' already exists");
    }

    @Test
    void fileCreate_aFragmentFails_isResumed_andFileUpdateReplacesThroughASession() throws Exception {
        String folderId = newFolder("resumed");
        byte[] first = randomBytes(10 * 1024 * 1024, 2);
        byte[] second = randomBytes(6 * 1024 * 1024, 3);
        Files.write(downloads().resolve("it-resumed.bin"), first);
        Files.write(downloads().resolve("it-replacement.bin"), second);
        SandboxAdmin admin = new SandboxAdmin(base);
        admin.addFault("{\"path_pattern\":\"/upload/*\",\"method\":\"PUT\",\"status\":500,\"count\":1,\"skip\":1}");
        String fileId;
        try {
            fileId = (String) ok(
                            "file_create",
                            Map.of(
                                    "account_id",
                                    "demo2",
                                    "parent_folder",
                                    folderId,
                                    "name",
                                    "resumed.bin",
                                    "local_file",
                                    "it-resumed.bin"))
                    .get("item_id");
        } finally {
            admin.clearFaults();
        }
        assertThat(sha256(download(fileId)))
                .as("the second fragment failed once and was sent again")
                .isEqualTo(sha256(first));

        call(client, "file_get", Map.of("account_id", "demo2", "file_id", fileId));
        Map<String, Object> updated =
                ok("file_update", Map.of("account_id", "demo2", "file_id", fileId, "local_file", "it-replacement.bin"));
        assertThat((String) updated.get("message")).contains("through an upload session");
        assertThat(updated).containsEntry("item_id", fileId);
        CallToolResult after = call(client, "file_get", Map.of("account_id", "demo2", "file_id", fileId));
        assertThat(cacheState(after)).as("file_update invalidates file_get").isEqualTo("miss");
        assertThat(item(structured(after))).containsEntry("size", 6 * 1024 * 1024);
        assertThat(sha256(download(fileId))).isEqualTo(sha256(second));
    }

    @Test
    void fileCreate_overTheUploadLimit_isRefusedBeforeAnythingIsSent() throws Exception {
        Path huge = downloads().resolve("it-huge.bin");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(250L * 1024 * 1024 + 1); // sparse: no 250 MB written to disk
        }
        try {
            SandboxAdmin admin = new SandboxAdmin(base);
            long before = admin.graphRequests();

            assertThat(error(
                            "file_create",
                            Map.of("account_id", "demo2", "name", "huge.bin", "local_file", "it-huge.bin")))
                    .startsWith("Invalid argument 'local_file': is 262144001 bytes; uploads are"
                            + " limited to 262144000 bytes");
            assertThat(admin.graphRequests()).isEqualTo(before);
        } finally {
            Files.delete(huge);
        }
    }

    // ---- helpers

    /** The IT server's download directory (arquillian.xml), the only place tools read uploads from. */
    private static Path downloads() throws Exception {
        return Files.createDirectories(Path.of("target", "it", "downloads"));
    }

    /** The file's bytes through file_download_url's pre-authenticated link. */
    private byte[] download(String fileId) throws Exception {
        Map<String, Object> url = ok("file_download_url", Map.of("account_id", "demo2", "file_id", fileId));
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create((String) url.get("url")))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A new folder at the root of demo2's drive for one test. */
    private String newFolder(String purpose) {
        return (String)
                ok("folder_create", Map.of("account_id", "demo2", "name", "IT " + purpose + " " + System.nanoTime()))
                        .get("item_id");
    }

    private Map<String, Object> ok(String tool, Map<String, Object> arguments) {
        CallToolResult result = call(client, tool, arguments);
        assertThat(result.isError())
                .as(tool + " should succeed: " + result.content())
                .isNotEqualTo(Boolean.TRUE);
        return structured(result);
    }

    private String error(String tool, Map<String, Object> arguments) {
        CallToolResult result = call(client, tool, arguments);
        assertThat(result.isError())
                .as(tool + " should fail: " + result.content())
                .isTrue();
        return ((TextContent) result.content().get(0)).text();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> answer, String key) {
        Object list = answer.get(key);
        return list == null ? List.of() : (List<Map<String, Object>>) list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(Map<String, Object> answer) {
        return (Map<String, Object>) answer.get("item");
    }

    private static String firstName(Map<String, Object> folderList) {
        return (String) items(folderList, "folders").get(0).get("name");
    }
}
