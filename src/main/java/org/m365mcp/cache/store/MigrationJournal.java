package org.m365mcp.cache.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The marker file {@code <name>.migration} that makes {@link PlainCacheMigration} restartable: the
 * phase reached and the name of the backup it writes.
 *
 * <ul>
 *   <li>Present from before the first file is written until after the encrypted file has replaced
 *       the plain one; written all or nothing (temporary sibling, fsync, rename).
 *   <li>Holds no secret and no cached data.
 * </ul>
 *
 * @param phase what the procedure is doing: everything before it is complete and durable
 * @param backup the backup's file name, a sibling of the database file
 */
record MigrationJournal(Phase phase, String backup) {

    /** The phases in order; a restart resumes the one recorded. */
    enum Phase {
        /** Copying the plain file (and its companions) to the backup; the backup may be partial. */
        BACKUP,
        /** The backup is complete; building {@code <name>.migrating}, which may be partial. */
        ENCRYPT,
        /** {@code <name>.migrating} is complete and proven; replacing the plain file with it. */
        SWAP
    }

    MigrationJournal {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(backup, "backup");
    }

    /** The journal of {@code database}: its sibling {@code <name>.migration}. */
    static Path of(Path database) {
        return DatabaseFiles.sibling(database, ".migration");
    }

    /** This journal moved on to {@code next}. */
    MigrationJournal at(Phase next) {
        return new MigrationJournal(next, backup);
    }

    /** The journal of {@code database}, if a migration is under way. */
    static Optional<MigrationJournal> read(Path database) throws IOException {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(of(database))));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
        String backup = properties.getProperty("backup", "");
        try {
            if (backup.isEmpty() || !Path.of(backup).getFileName().toString().equals(backup)) {
                throw new IllegalArgumentException("backup is not a file name");
            }
            return Optional.of(new MigrationJournal(Phase.valueOf(properties.getProperty("phase")), backup));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException(
                    "Unrecognised migration journal " + of(database) + "; move it away to let the server start", e);
        }
    }

    /** Records this journal durably for {@code database}. */
    void write(Path database) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("phase", phase.name());
        properties.setProperty("backup", backup);
        StringWriter text = new StringWriter();
        properties.store(text, "m365-mcp: encrypting an unencrypted cache; see docs/security.md");
        DatabaseFiles.writeAtomically(of(database), text.toString());
    }

    /** Removes the journal of {@code database}: the migration is over. */
    static void delete(Path database) throws IOException {
        Files.deleteIfExists(of(database));
        DatabaseFiles.forceDirectory(database);
    }
}
