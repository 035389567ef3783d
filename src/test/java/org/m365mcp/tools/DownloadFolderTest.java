package org.m365mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mcp.mcp.ToolArgumentException;

class DownloadFolderTest {

    @TempDir
    Path root;

    private static DownloadFolder.Writer writing(String content) {
        return temporary -> {
            try {
                Files.writeString(temporary, content);
                return content.length();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @Test
    void checkedName_traversalOrSeparators_rejectedNamingTheArgument() {
        for (String bad : new String[] {"../x", "..", "a/b", "a\\b", "/etc/passwd", "x..y", "a\u0000b", "c:x", " "}) {
            assertThatThrownBy(() -> DownloadFolder.checkedName("file_name", bad))
                    .as(bad)
                    .isInstanceOf(ToolArgumentException.class)
                    .hasMessageStartingWith("Invalid argument 'file_name'");
        }
        assertThat(DownloadFolder.checkedName("file_name", "report Q3.pdf")).isEqualTo("report Q3.pdf");
    }

    @Test
    void safeName_hostileAttachmentName_keptInsideTheFolder() {
        assertThat(DownloadFolder.safeName("../../.bashrc", "attachment")).isEqualTo("bashrc");
        assertThat(DownloadFolder.safeName("C:\\temp\\a.txt", "attachment")).isEqualTo("a.txt");
        assertThat(DownloadFolder.safeName("..", "attachment")).isEqualTo("attachment");
        assertThat(DownloadFolder.safeName("a\nb:c.txt", "attachment")).isEqualTo("a_b_c.txt");
    }

    @Test
    void save_newDirectory_createdOwnerOnly_fileMovedIntoPlace_noPartLeft() throws IOException {
        Path dir = root.resolve("downloads");
        DownloadFolder folder = new DownloadFolder(dir);

        DownloadFolder.Saved saved = folder.save("file_name", "a.txt", "text/plain", false, writing("hello"));

        assertThat(saved.path()).isEqualTo(dir.resolve("a.txt"));
        assertThat(saved.size()).isEqualTo(5);
        assertThat(saved.overwritten()).isFalse();
        assertThat(Files.readString(saved.path())).isEqualTo("hello");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved.path())))
                .isEqualTo("rw-------");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(saved.path());
        }
    }

    @Test
    void save_existingFile_refusedUnlessOverwrite() throws IOException {
        DownloadFolder folder = new DownloadFolder(root);
        Files.writeString(root.resolve("a.txt"), "old");

        assertThatThrownBy(() -> folder.save("file_name", "a.txt", "text/plain", false, writing("new")))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("already exists")
                .hasMessageContaining("overwrite=true");
        assertThat(Files.readString(root.resolve("a.txt"))).isEqualTo("old");

        DownloadFolder.Saved saved = folder.save("file_name", "a.txt", "text/plain", true, writing("new"));
        assertThat(saved.overwritten()).isTrue();
        assertThat(Files.readString(root.resolve("a.txt"))).isEqualTo("new");
    }

    @Test
    void save_writerFails_noFileLeftBehind() throws IOException {
        DownloadFolder folder = new DownloadFolder(root);

        assertThatThrownBy(() -> folder.save("file_name", "b.txt", "text/plain", false, temporary -> {
                    throw new IllegalStateException("Graph said no");
                }))
                .hasMessage("Graph said no");
        try (var files = Files.list(root)) {
            assertThat(files).isEmpty();
        }
    }
}
