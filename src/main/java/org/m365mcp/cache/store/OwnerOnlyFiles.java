package org.m365mcp.cache.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Keeps the database file and its {@code -wal}/{@code -shm} companions readable by the owner only
 * (POSIX mode 0600). On file systems without POSIX permissions (Windows) this does nothing.
 */
final class OwnerOnlyFiles {

    static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final Logger LOG = Logger.getLogger(OwnerOnlyFiles.class.getName());

    private OwnerOnlyFiles() {}

    /** Creates {@code file} (and its parents) empty with mode 0600 unless it already exists. */
    static void createIfAbsent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (Files.exists(file)) {
            return;
        }
        try {
            if (supportsPosix(file.toAbsolutePath().getParent())) {
                FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE);
                Files.createFile(file, mode);
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            // another process created it first: restrict() below still applies
        }
    }

    /** Sets mode 0600 on {@code file} and on its {@code -wal} / {@code -shm} files if present. */
    static void restrict(Path file) {
        for (Path path : withCompanions(file)) {
            if (Files.exists(path) && supportsPosix(path)) {
                try {
                    Files.setPosixFilePermissions(path, OWNER_READ_WRITE);
                } catch (IOException | UnsupportedOperationException e) {
                    LOG.warning(() -> "Could not restrict " + path + " to its owner: " + e.getMessage());
                }
            }
        }
    }

    /** {@code file} followed by its SQLite companions {@code file-wal} and {@code file-shm}. */
    static List<Path> withCompanions(Path file) {
        String name = file.getFileName().toString();
        return List.of(file, file.resolveSibling(name + "-wal"), file.resolveSibling(name + "-shm"));
    }

    private static boolean supportsPosix(Path path) {
        return path != null
                && Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class) != null;
    }
}
