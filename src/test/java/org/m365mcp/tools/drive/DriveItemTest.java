package org.m365mcp.tools.drive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DriveItemTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void of_file_keepsWhatAFollowUpNeeds_pathFromTheParentsPath() throws Exception {
        DriveItem item = DriveItem.of(JSON.readTree("""
                {"id":"01F","name":"Plan.docx","size":1234,"lastModifiedDateTime":"2026-01-02T03:04:05Z",
                 "eTag":"x","webUrl":"https://x","file":{"mimeType":"application/pdf","hashes":{}},
                 "parentReference":{"id":"01P","path":"/drive/root:/Documents"}}"""));

        assertThat(item)
                .isEqualTo(new DriveItem(
                        "01F",
                        "Plan.docx",
                        false,
                        "/Documents/Plan.docx",
                        "01P",
                        1234,
                        "application/pdf",
                        null,
                        "2026-01-02T03:04:05Z"));
    }

    @Test
    void of_folderInTheRoot_hasAChildCountAndNoMimeType() throws Exception {
        DriveItem item = DriveItem.of(JSON.readTree("""
                {"id":"01D","name":"Documents","size":99,"folder":{"childCount":4},
                 "parentReference":{"id":"01R","path":"/drive/root:"}}"""));

        assertThat(item.path()).isEqualTo("/Documents");
        assertThat(item.childCount()).isEqualTo(4);
        assertThat(item.mimeType()).isNull();
        assertThat(item.folder()).isTrue();
    }

    @Test
    void of_root_isSlash() throws Exception {
        assertThat(DriveItem.of(JSON.readTree("{\"id\":\"01R\",\"name\":\"root\",\"root\":{},\"folder\":{}}"))
                        .path())
                .isEqualTo("/");
    }
}
