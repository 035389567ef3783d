package org.m365mcp.tools.drive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.config.ByteSizeText;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolException;
import org.m365mcp.tools.DownloadFolder;

/**
 * What {@code file_create} and {@code file_update} upload: inline text, or a file of the download
 * directory ({@code m365.mcp.downloads.dir}) — the only local files tools may read, so an assistant
 * cannot upload arbitrary files of the server's machine.
 *
 * <ul>
 *   <li>Exactly one of the two must be given; a local file is named plainly (no path) and must be a
 *       regular file (not a symbolic link).
 *   <li>Up to {@link #MAX_SIMPLE_UPLOAD} bytes the content is read into memory for Graph's simple
 *       upload; a larger local file is left on disk for an upload session, which streams it, up to
 *       {@code m365.mcp.drive.max-upload-size} (default 250 MB). Inline text is limited to the simple
 *       upload's 4 MB.
 *   <li>Stateless apart from the directory and the limit; thread-safe.
 * </ul>
 */
@ApplicationScoped
public class FileUploads {

    /** Graph's classic limit for a simple upload (PUT …/content): 4 MB; larger files go through a session. */
    static final long MAX_SIMPLE_UPLOAD = 4L * 1024 * 1024;

    static final String MAX_UPLOAD_PROPERTY = "m365.mcp.drive.max-upload-size";

    /**
     * What to upload: {@code bytes} for a simple upload, else the local {@code file} of {@code size}
     * bytes for an upload session.
     */
    record Source(byte[] bytes, Path file, long size) {

        boolean isSmall() {
            return bytes != null;
        }
    }

    private final DownloadFolder folder;
    private final long maxUpload;

    @Inject
    FileUploads(DownloadFolder folder, @ConfigProperty(name = MAX_UPLOAD_PROPERTY) String maxUpload) {
        this(folder, ByteSizeText.parse(MAX_UPLOAD_PROPERTY, maxUpload));
    }

    FileUploads(DownloadFolder folder, long maxUpload) {
        this.folder = folder;
        this.maxUpload = maxUpload;
    }

    FileUploads() {
        this.folder = null; // CDI proxy only
        this.maxUpload = 0;
    }

    Source source(String content, String localFile) {
        boolean hasText = content != null && !content.isEmpty();
        boolean hasFile = localFile != null && !localFile.isBlank();
        if (hasText == hasFile) {
            throw new ToolArgumentException(
                    hasText ? "local_file" : "content", "give either content or local_file, exactly one");
        }
        if (hasText) {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_SIMPLE_UPLOAD) {
                throw new ToolArgumentException(
                        "content",
                        "is " + bytes.length + " bytes; inline content is limited"
                                + " to 4 MB: save a larger file in the download directory and give local_file");
            }
            return new Source(bytes, null, bytes.length);
        }
        return local(localFile.trim());
    }

    private Source local(String name) {
        Path file = folder.directory().resolve(DownloadFolder.checkedName("local_file", name));
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ToolArgumentException(
                    "local_file", "no file '" + name + "' in the download directory " + folder.directory());
        }
        try {
            long size = Files.size(file);
            if (size > maxUpload) {
                throw new ToolArgumentException(
                        "local_file",
                        "is " + size + " bytes; uploads are limited to " + maxUpload + " bytes (" + MAX_UPLOAD_PROPERTY
                                + ")");
            }
            return size <= MAX_SIMPLE_UPLOAD
                    ? new Source(Files.readAllBytes(file), null, size)
                    : new Source(null, file, size);
        } catch (IOException e) {
            throw new ToolException("Could not read '" + name + "' from the download directory: " + e.getMessage());
        }
    }
}
