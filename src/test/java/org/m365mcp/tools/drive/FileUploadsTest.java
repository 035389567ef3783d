package org.m365mcp.tools.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.tools.DownloadFolder;

class FileUploadsTest {

    private static final long MAX = 20L * 1024 * 1024;

    @TempDir
    Path dir;

    private FileUploads uploads() {
        return new FileUploads(new DownloadFolder(dir), MAX);
    }

    @Test
    void inlineText_upTo4MB_isASimpleUpload_beyondIsRefusedNamingContent() {
        FileUploads.Source text = uploads().source("héllo", "");
        assertThat(text.isSmall()).isTrue();
        assertThat(text.size()).isEqualTo(6);

        String big = "x".repeat((int) FileUploads.MAX_SIMPLE_UPLOAD + 1);
        assertThatThrownBy(() -> uploads().source(big, ""))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("content")
                .hasMessageContaining("local_file");
    }

    @Test
    void localFile_upTo4MB_isRead_largerIsLeftOnDiskForASession() throws Exception {
        Files.write(dir.resolve("small.bin"), new byte[(int) FileUploads.MAX_SIMPLE_UPLOAD]);
        sparse("large.bin", FileUploads.MAX_SIMPLE_UPLOAD + 1);

        FileUploads.Source small = uploads().source("", "small.bin");
        FileUploads.Source large = uploads().source("", "large.bin");

        assertThat(small.isSmall()).isTrue();
        assertThat(small.bytes()).hasSize((int) FileUploads.MAX_SIMPLE_UPLOAD);
        assertThat(large.isSmall()).isFalse();
        assertThat(large.file()).isEqualTo(dir.resolve("large.bin"));
        assertThat(large.size()).isEqualTo(FileUploads.MAX_SIMPLE_UPLOAD + 1);
    }

    @Test
    void localFile_overTheConfiguredMaximum_isRefusedNamingLocalFile() throws Exception {
        sparse("huge.bin", MAX + 1);

        assertThatThrownBy(() -> uploads().source("", "huge.bin"))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessageContaining("local_file")
                .hasMessageContaining(FileUploads.MAX_UPLOAD_PROPERTY);
    }

    @Test
    void bothOrNeither_missingFile_orAPath_areArgumentErrors() {
        assertThatThrownBy(() -> uploads().source("x", "a.txt")).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> uploads().source("", "")).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> uploads().source("", "nope.bin")).hasMessageContaining("no file 'nope.bin'");
        assertThatThrownBy(() -> uploads().source("", "../etc/passwd")).hasMessageContaining("local_file");
    }

    private void sparse(String name, long size) throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve(name).toFile(), "rw")) {
            file.setLength(size);
        }
    }
}
