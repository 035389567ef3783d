package org.m365mcp.cache.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The other process of {@link CacheStoreTwoProcessTest}: opens the store on the file given, says
 * {@code ready}, waits for {@code go} on stdin, then writes {@code count} entries named
 * {@code <prefix><i>}, claiming one queued task after each write; prints {@code claimed <id>} per
 * claimed task and {@code done} at the end. Exit status 0 means every write was read back.
 */
public final class SecondProcess {

    private SecondProcess() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), StoreFixtures.KEY)) {
            warmUp(store);
            System.out.println("ready");
            System.out.flush();
            if (!"go".equals(in.readLine())) {
                System.exit(2);
            }
            for (int i = 0; i < count; i++) {
                write(store, prefix + i);
                Optional<TaskRecord> claimed = store.tasks().claimNext();
                claimed.ifPresent(task -> System.out.println("claimed " + task.taskId()));
            }
            System.out.println("done");
        }
    }

    /**
     * Runs the code paths of the test once, so that class loading and the JIT do not leave this
     * process far behind the other when both start.
     */
    static void warmUp(CacheStore store) {
        for (int i = 0; i < 20; i++) {
            String key = "warm-up-" + ProcessHandle.current().pid() + "-" + i;
            write(store, key);
            store.delete(key);
            store.tasks().get(key);
        }
    }

    /** Writes one entry and reads it back; shared by both processes of the test. */
    static void write(CacheStore store, String key) {
        store.write(new StoredEntry(
                key,
                "shared",
                "email_list",
                StoreFixtures.text(1_000 + key.length()),
                Instant.EPOCH,
                Instant.EPOCH.plusSeconds(3600),
                null));
        if (store.read(key).isEmpty()) {
            throw new IllegalStateException("lost " + key);
        }
    }
}
