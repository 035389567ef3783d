package org.m365mcp.tools.drive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolException;
import org.m365mcp.tools.DownloadFolder;

/**
 * The bytes {@code file_create} and {@code file_update} upload: inline text, or a file of the
 * download directory ({@code m365.mcp.downloads.dir}) — the only local files tools may read, so an
 * assistant cannot upload arbitrary files of the server's machine.
 *
 * <ul>
 *   <li>Exactly one of the two must be given; a local file is named plainly (no path), must be a
 *       regular file (not a symbolic link) and at most {@link #MAX_SIMPLE_UPLOAD} bytes.</li>
 *   <li>Stateless apart from the directory; thread-safe.</li>
 * </ul>
 */
@ApplicationScoped
public class FileUploads {

    /** Graph's limit for a simple upload (PUT …/content): 4 MB; larger files need an upload session. */
    static final long MAX_SIMPLE_UPLOAD = 4L * 1024 * 1024;

    private final DownloadFolder folder;

    @Inject
    FileUploads(DownloadFolder folder) {
        this.folder = folder;
    }

    FileUploads() {
        this.folder = null; // CDI proxy only
    }

    byte[] bytes(String content, String localFile) {
        boolean hasText = content != null && !content.isEmpty();
        boolean hasFile = localFile != null && !localFile.isBlank();
        if (hasText == hasFile) {
            throw new ToolArgumentException(hasText ? "local_file" : "content",
                    "give either content or local_file, exactly one");
        }
        byte[] bytes = hasText ? content.getBytes(StandardCharsets.UTF_8) : read(localFile.trim());
        if (bytes.length > MAX_SIMPLE_UPLOAD) {
            throw new ToolArgumentException(hasText ? "content" : "local_file", "is " + bytes.length
                    + " bytes; uploads are limited to 4 MB (upload sessions are not supported yet)");
        }
        return bytes;
    }

    private byte[] read(String name) {
        Path file = folder.directory().resolve(DownloadFolder.checkedName("local_file", name));
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ToolArgumentException("local_file", "no file '" + name + "' in the download directory "
                    + folder.directory());
        }
        try {
            if (Files.size(file) > MAX_SIMPLE_UPLOAD) {
                throw new ToolArgumentException("local_file", "is " + Files.size(file)
                        + " bytes; uploads are limited to 4 MB (upload sessions are not supported yet)");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ToolException("Could not read '" + name + "' from the download directory: " + e.getMessage());
        }
    }
}
