package org.m365mcp.load;

import io.modelcontextprotocol.client.McpSyncClient;
import java.util.List;
import java.util.Map;

/**
 * The cached reads the sync load run watches external changes through: demo2's inbox
 * ({@code email_list}, 40), a folder of demo's drive that holds files ({@code file_list}; demo2's
 * drive is empty and the roots hold folders only) and demo2's week ({@code calendar_list_events}).
 */
record SyncReads(McpSyncClient client, String filesFolder) {

    /** The account whose mail and calendar the run changes and reads. */
    static final String ACCOUNT = "demo2";

    /** The reads, watching the first folder under demo's /Documents that holds files. */
    @SuppressWarnings("unchecked")
    static SyncReads of(McpSyncClient client) {
        for (String parent : List.of("/Documents/Projects", "/Documents/Customers", "/Documents/Finance")) {
            for (Map<String, Object> folder : (List<Map<String, Object>>)
                    LoadTools.call(client, "folder_list", Map.of("account_id", "demo", "folder", parent))
                            .get("folders")) {
                String path = parent + "/" + folder.get("name");
                List<?> files = (List<?>)
                        LoadTools.call(client, "file_list", Map.of("account_id", "demo", "folder", path, "limit", 100))
                                .get("files");
                if (!files.isEmpty()) {
                    return new SyncReads(client, path);
                }
            }
        }
        throw new IllegalStateException("no folder with files under demo's /Documents");
    }

    Map<String, Object> inbox() {
        return LoadTools.call(client, "email_list", Map.of("account_id", ACCOUNT, "folder", "inbox", "limit", 40));
    }

    Map<String, Object> files() {
        return LoadTools.call(client, "file_list", Map.of("account_id", "demo", "folder", filesFolder, "limit", 100));
    }

    Map<String, Object> week() {
        return LoadTools.call(
                client, "calendar_list_events", Map.of("account_id", ACCOUNT, "time_zone", "UTC", "limit", 300));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> messages(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("messages");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> answer, String field) {
        return (List<Map<String, Object>>) answer.get(field);
    }
}
