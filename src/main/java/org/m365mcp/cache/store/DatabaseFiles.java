package org.m365mcp.cache.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Crash-safe file steps around a database file, for {@link PlainCacheMigration} and
 * {@link StoreRekey}: sibling names, SQLite companions, owner-only copies, fsync, atomic replace.
 *
 * <ul>
 *   <li>Every file written here is created with mode 0600 before a byte goes into it.
 *   <li>"Durable" means fsync of the file and (best effort: not every platform can open a
 *       directory) of its directory, so a step that returned survives a power cut.
 *   <li>Stateless; nothing guards against another process working on the same files.
 * </ul>
 */
final class DatabaseFiles {

    private DatabaseFiles() {}

    /** {@code file}'s sibling named {@code <name><suffix>}. */
    static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /** The files SQLite may keep beside {@code file}: {@code -wal}, {@code -shm}, {@code -journal}. */
    static List<Path> companions(Path file) {
        return List.of(sibling(file, "-wal"), sibling(file, "-shm"), sibling(file, "-journal"));
    }

    /** Deletes {@code file}'s companions, if any. */
    static void deleteCompanions(Path file) throws IOException {
        for (Path companion : companions(file)) {
            Files.deleteIfExists(companion);
        }
    }

    /** Deletes {@code file} and its companions, if any. */
    static void deleteWithCompanions(Path file) throws IOException {
        deleteCompanions(file);
        Files.deleteIfExists(file);
    }

    /** Copies {@code source} over {@code target} (mode 0600) and makes the copy durable. */
    static void copyOwnerOnly(Path source, Path target) throws IOException {
        OwnerOnlyFiles.createIfAbsent(target);
        OwnerOnlyFiles.restrict(target);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                FileChannel out =
                        FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            long size = in.size();
            for (long done = 0; done < size; ) {
                done += in.transferTo(done, size - done, out);
            }
            out.force(true);
        }
        forceDirectory(target);
    }

    /** Writes {@code text} to {@code file} all or nothing: a temporary sibling, fsync, rename. */
    static void writeAtomically(Path file, String text) throws IOException {
        Path temporary = sibling(file, ".tmp");
        OwnerOnlyFiles.createIfAbsent(temporary);
        Files.writeString(temporary, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        force(temporary);
        replace(temporary, file);
    }

    /** Renames {@code source} to {@code target} in one step, replacing it, and makes that durable. */
    static void replace(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(target);
    }

    /** fsync of {@code file}'s content. */
    static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** fsync of the directory holding {@code file}, so renames and deletions in it are durable. */
    static void forceDirectory(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notOnThisPlatform) {
            // Windows cannot open a directory; its renames are durable once MoveFileEx returns.
        }
    }
}
