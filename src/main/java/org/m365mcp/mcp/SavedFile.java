package org.m365mcp.mcp;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file a tool call saved on the server's disk for its client, which the call's result links to
 * ({@link ResourceLinks}) so a client on another machine can read it with {@code resources/read}.
 *
 * @param directory the directory the file must stay directly inside to be served (the download folder)
 * @param file      the saved file, directly inside {@code directory}
 * @param name      the file's name as the client should see it
 * @param mimeType  its media type, or null when not known
 * @param size      its size in bytes when saved
 */
public record SavedFile(Path directory, Path file, String name, String mimeType, long size) {

    public SavedFile {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
    }
}
