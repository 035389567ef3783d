package org.m365mcp.tools.drive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DriveItemRefTest {

    @Test
    void root_addressesTheRootAndItsChildren() {
        assertThat(DriveItemRef.ROOT.item()).isEqualTo("/me/drive/root");
        assertThat(DriveItemRef.ROOT.below("children")).isEqualTo("/me/drive/root/children");
        assertThat(DriveItemRef.ROOT.upload("a.txt")).isEqualTo("/me/drive/root:/a.txt:/content");
        assertThat(DriveItemRef.ROOT.uploadSession("a.bin")).isEqualTo("/me/drive/root:/a.bin:/createUploadSession");
        assertThat(DriveItemRef.ROOT.shown()).isEqualTo("/");
    }

    @Test
    void id_addressesTheItemById() {
        DriveItemRef ref = DriveItemRef.byId("01AB");
        assertThat(ref.item()).isEqualTo("/me/drive/items/01AB");
        assertThat(ref.below("copy")).isEqualTo("/me/drive/items/01AB/copy");
        assertThat(ref.upload("a.txt")).isEqualTo("/me/drive/items/01AB:/a.txt:/content");
        assertThat(ref.uploadSession("a.bin")).isEqualTo("/me/drive/items/01AB:/a.bin:/createUploadSession");
    }

    @Test
    void path_addressesTheItemWithGraphsColonSyntax() {
        DriveItemRef ref = DriveItemRef.byPath("/Documents/Q1");
        assertThat(ref.item()).isEqualTo("/me/drive/root:/Documents/Q1");
        assertThat(ref.below("children")).isEqualTo("/me/drive/root:/Documents/Q1:/children");
        assertThat(ref.upload("a.txt")).isEqualTo("/me/drive/root:/Documents/Q1/a.txt:/content");
        assertThat(ref.uploadSession("a.bin")).isEqualTo("/me/drive/root:/Documents/Q1/a.bin:/createUploadSession");
        assertThat(ref.shown()).isEqualTo("/Documents/Q1");
    }
}
