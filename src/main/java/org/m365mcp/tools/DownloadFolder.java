package org.m365mcp.tools;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.mcp.CallFiles;
import org.m365mcp.mcp.SavedFile;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolException;

/**
 * The one directory tools may write downloads to ({@code m365.mcp.downloads.dir}), and the rules
 * that keep them there.
 *
 * <ul>
 *   <li>A file name given by the assistant must be a plain name: no path separator, no {@code .} or
 *       {@code ..}, no control character, at most 255 characters; otherwise a
 *       {@link ToolArgumentException} naming the argument. A name that came from Graph is made safe
 *       instead ({@link #safeName}).
 *   <li>The directory is created on first use, mode 0700 where the file system has POSIX modes; an
 *       existing one is used as it is.
 *   <li>{@link #save} writes to a temporary file (mode 0600) in the directory and moves it into
 *       place, so a failed download never leaves a partial file under the final name, and never
 *       replaces an existing file unless asked to; the saved file is told to the running tool call
 *       ({@link CallFiles}), whose result then links it for the client to read over MCP.
 *   <li>Stateless apart from its path; thread-safe.
 * </ul>
 */
@Dependent
public final class DownloadFolder {

    /** Writes a download into the temporary file it is given; returns the bytes written. */
    @FunctionalInterface
    public interface Writer {
        long writeTo(Path temporary);
    }

    /** A saved file: where, how many bytes, and whether it replaced one. */
    public record Saved(Path path, long size, boolean overwritten) {}

    private static final int MAX_NAME_LENGTH = 255;

    private final Path directory;
    private final CallFiles calls;

    @Inject
    DownloadFolder(@ConfigProperty(name = "m365.mcp.downloads.dir") String directory, CallFiles calls) {
        this(Path.of(expandHome(directory)), calls);
    }

    /** A download folder at {@code directory} (made absolute) outside any tool call, as tests use it. */
    public DownloadFolder(Path directory) {
        this(directory, new CallFiles());
    }

    /** A download folder at {@code directory} (made absolute); nothing is created until {@link #save}. */
    public DownloadFolder(Path directory, CallFiles calls) {
        this.directory =
                Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    public Path directory() {
        return directory;
    }

    /**
     * {@code fileName} when it is a plain file name.
     *
     * @throws ToolArgumentException naming {@code argument} when it is blank or could leave the directory
     */
    public static String checkedName(String argument, String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw new ToolArgumentException(argument, "must not be blank");
        }
        if (fileName.indexOf('/') >= 0
                || fileName.indexOf('\\') >= 0
                || fileName.equals(".")
                || fileName.equals("..")
                || fileName.contains("..")) {
            throw new ToolArgumentException(
                    argument,
                    "must be a plain file name without '/', '\\' or '..'"
                            + " (files are saved in the download directory only), got \"" + abbreviate(fileName)
                            + "\"");
        }
        if (fileName.chars().anyMatch(c -> Character.isISOControl(c) || c == ':')) {
            throw new ToolArgumentException(argument, "must not contain control characters or ':'");
        }
        if (fileName.length() > MAX_NAME_LENGTH) {
            throw new ToolArgumentException(argument, "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return fileName;
    }

    /**
     * A safe file name made from a name someone else chose (an attachment's): its last path segment,
     * control characters and {@code :} replaced by {@code _}, leading dots dropped, cut to 255
     * characters; {@code fallback} when nothing is left.
     */
    public static String safeName(String name, String fallback) {
        String text = name == null ? "" : name;
        text = text.substring(Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(Character.isISOControl(c) || c == ':' ? '_' : (char) c));
        String safe =
                out.toString().replaceAll("^[.\\s]+", "").replace("..", "_").strip();
        if (safe.length() > MAX_NAME_LENGTH) {
            safe = safe.substring(safe.length() - MAX_NAME_LENGTH);
        }
        return safe.isEmpty() ? fallback : safe;
    }

    /**
     * Saves a download as {@code fileName} (already checked) in the directory, of media type
     * {@code mimeType} (null when not known).
     *
     * @throws ToolArgumentException naming {@code argument} when the file exists and {@code overwrite} is false
     * @throws ToolException when the directory or file cannot be written
     */
    public Saved save(String argument, String fileName, String mimeType, boolean overwrite, Writer writer) {
        Path target = directory.resolve(fileName).normalize();
        if (!directory.equals(target.getParent())) {
            // checkedName/safeName make this unreachable; kept so no caller can write elsewhere.
            throw new ToolArgumentException(argument, "must name a file directly in the download directory");
        }
        boolean exists = Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (exists && !overwrite) {
            throw alreadyExists(argument, target);
        }
        Path temporary = null;
        try {
            createDirectory();
            temporary = Files.createTempFile(directory, ".m365-mcp-", ".part");
            long size = writer.writeTo(temporary);
            if (overwrite) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(temporary, target);
            }
            temporary = null;
            calls.saved(new SavedFile(directory, target, fileName, mimeType, size));
            return new Saved(target, size, exists);
        } catch (FileAlreadyExistsException raced) {
            throw alreadyExists(argument, target);
        } catch (IOException | UncheckedIOException e) {
            throw new ToolException("Could not save to the download directory " + directory + ": " + e.getMessage());
        } finally {
            deleteQuietly(temporary);
        }
    }

    private void createDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(
                    directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    private static ToolArgumentException alreadyExists(String argument, Path target) {
        return new ToolArgumentException(
                argument,
                "a file named '" + target.getFileName()
                        + "' already exists in the download directory; pass overwrite=true or another file_name");
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // a stray .part file in the user's download directory is harmless
            }
        }
    }

    private static String expandHome(String path) {
        return path.equals("~") || path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
