package org.m365mcp.tools.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.m365mcp.mcp.ToolArgumentException;

class DriveArgumentsTest {

    @Test
    void folder_blankOrSlash_isTheRoot() {
        assertThat(DriveArguments.folder("folder", "")).isEqualTo(DriveItemRef.ROOT);
        assertThat(DriveArguments.folder("folder", null)).isEqualTo(DriveItemRef.ROOT);
        assertThat(DriveArguments.folder("folder", " / ")).isEqualTo(DriveItemRef.ROOT);
    }

    @Test
    void folder_pathOrId_isKeptAsGiven_trailingSlashDropped() {
        assertThat(DriveArguments.folder("folder", "/Documents/Q1 2024/"))
                .isEqualTo(DriveItemRef.byPath("/Documents/Q1 2024"));
        assertThat(DriveArguments.folder("folder", "01ABCDEF!12")).isEqualTo(DriveItemRef.byId("01ABCDEF!12"));
    }

    @Test
    void folder_pathLeavingItsSegmentsOrBreakingTheUrl_isAnArgumentError() {
        for (String bad : new String[] {"/Documents/../x", "/a//b", "/a?b=1", "/a#b", "/a:b", "/a%2Fb"}) {
            assertThatThrownBy(() -> DriveArguments.folder("folder", bad))
                    .as(bad)
                    .isInstanceOf(ToolArgumentException.class)
                    .hasMessageContaining("'folder'");
        }
    }

    @Test
    void file_idWithPathOrQueryCharacters_isAnArgumentError() {
        for (String bad : new String[] {"", "../me", "01AB/children", "01AB?x=1", "/Documents/a.txt"}) {
            assertThatThrownBy(() -> DriveArguments.file("file_id", bad))
                    .as(bad)
                    .isInstanceOf(ToolArgumentException.class)
                    .hasMessageContaining("a file id from file_list");
        }
    }

    @Test
    void name_isTrimmed_andRefusesOneDrivesForbiddenCharacters() {
        assertThat(DriveArguments.name("name", "  notes.txt ")).isEqualTo("notes.txt");
        for (String bad : new String[] {" ", "a/b", "a\\b", "a*b", "what?", "a|b", "..", "x\ny", "a".repeat(256)}) {
            assertThatThrownBy(() -> DriveArguments.name("name", bad))
                    .as(bad)
                    .isInstanceOf(ToolArgumentException.class);
        }
    }

    @Test
    void conflictAndChoice_acceptTheirValuesIgnoringCase_andListThemOtherwise() {
        assertThat(DriveArguments.conflict("conflict_behavior", "Rename")).isEqualTo("rename");
        assertThatThrownBy(() -> DriveArguments.conflict("conflict_behavior", "overwrite"))
                .hasMessageContaining("fail, rename or replace");
        assertThat(DriveArguments.choice("type", "EDIT", Set.of("view", "edit")))
                .isEqualTo("edit");
        assertThatThrownBy(() -> DriveArguments.choice("type", "own", Set.of("view", "edit")))
                .hasMessageContaining("edit, view");
    }
}
