package org.m365mcp.cache.store;

import static org.m365mcp.cache.store.PlainCaches.CLOCK;
import static org.m365mcp.cache.store.StoreFixtures.KEY;
import static org.m365mcp.cache.store.StoreFixtures.OTHER_KEY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a migration or a key rotation in a JVM of its own and kills it the hard way
 * ({@code Runtime.halt(137)}: no finally, no shutdown hook) right after a chosen step.
 *
 * <p>Arguments: {@code migrate|rekey-keyring|rekey-environment <database> <step>}. The
 * {@code rekey-keyring} rotation from KEY to OTHER_KEY stands a file {@code keyring} beside the
 * database in for the OS keyring: it holds {@code new} once the new key is committed.
 */
final class HaltingMain {

    static final int HALTED = 137;

    private HaltingMain() {}

    public static void main(String[] args) {
        Path file = Path.of(args[1]);
        String haltAfter = args[2];
        switch (args[0]) {
            case "migrate" ->
                PlainCacheMigration.migrateIfPlain(file, KEY, CLOCK, step -> haltIf(step.name(), haltAfter));
            case "rekey-keyring" ->
                StoreRekey.rekey(file, KEY, OTHER_KEY, keyringBeside(file), step -> haltIf(step.name(), haltAfter));
            case "rekey-environment" ->
                StoreRekey.rekey(
                        file, KEY, OTHER_KEY, StoreRekey.KeyCommit.NONE, step -> haltIf(step.name(), haltAfter));
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(0);
    }

    /** The key the stand-in keyring beside {@code file} holds: OTHER_KEY once committed, else KEY. */
    static org.m365mcp.cache.key.CacheKey keyringKey(Path file) throws IOException {
        Path keyring = file.resolveSibling("keyring");
        return Files.exists(keyring) && Files.readString(keyring).equals("new") ? OTHER_KEY : KEY;
    }

    private static void haltIf(String step, String haltAfter) {
        if (step.equals(haltAfter)) {
            Runtime.getRuntime().halt(HALTED);
        }
    }

    private static StoreRekey.KeyCommit keyringBeside(Path file) {
        Path keyring = file.resolveSibling("keyring");
        return new StoreRekey.KeyCommit() {
            @Override
            public void commit() {
                write("new");
            }

            @Override
            public void revert() {
                write("old");
            }

            private void write(String which) {
                try {
                    Files.writeString(keyring, which);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
