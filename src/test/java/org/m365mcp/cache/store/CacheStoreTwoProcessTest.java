package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.cache.store.StoreFixtures.KEY;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs on one database file with one key, as two servers (or a server and a batch job) would be. */
class CacheStoreTwoProcessTest {

    private static final int WRITES = 150;
    private static final int TASKS = 100;

    @TempDir
    Path dir;

    @Test
    void twoProcesses_writeAndClaimConcurrently_bothSetsPresentEachTaskClaimedOnceIntegrityOk() throws Exception {
        Path file = dir.resolve("cache.db");
        Path childLog = dir.resolve("second-process.log");
        List<String> claimedHere = new ArrayList<>();
        List<String> claimedThere = new ArrayList<>();
        Set<String> enqueued = new HashSet<>();
        try (CacheStore store = CacheStore.open(StoreSettings.defaults(file), KEY)) {
            SecondProcess.warmUp(store);
            for (int i = 0; i < TASKS; i++) {
                enqueued.add(store.tasks().enqueue("shared", "warm", "op" + i, null, null, 1 + i % 10));
            }
            Process child = new ProcessBuilder(
                            javaCommand(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            SecondProcess.class.getName(),
                            file.toString(),
                            "there-",
                            String.valueOf(WRITES))
                    .redirectError(childLog.toFile())
                    .start();
            try (BufferedReader out =
                            new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                    Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
                assertThat(out.readLine())
                        .as("second process opened the store; see %s", childLog)
                        .isEqualTo("ready");
                in.write("go\n");
                in.flush();

                for (int i = 0; i < WRITES; i++) {
                    SecondProcess.write(store, "here-" + i);
                    store.tasks().claimNext().ifPresent(task -> claimedHere.add(task.taskId()));
                }

                for (String line = out.readLine(); line != null && !line.equals("done"); line = out.readLine()) {
                    claimedThere.add(line.substring("claimed ".length()));
                }
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS))
                    .as("second process finished")
                    .isTrue();
            assertThat(child.exitValue())
                    .as("second process exit; see %s:%n%s", childLog, Files.readString(childLog))
                    .isZero();

            List<String> expected = new ArrayList<>();
            IntStream.range(0, WRITES).forEach(i -> expected.addAll(List.of("here-" + i, "there-" + i)));
            assertThat(StoreFixtures.keys(file)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(store.summary().entries()).isEqualTo(2L * WRITES);
            List<String> allClaimed = new ArrayList<>(claimedHere);
            allClaimed.addAll(claimedThere);
            assertThat(allClaimed)
                    .as("each task claimed by exactly one process")
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(enqueued);
            assertThat(store.tasks().list(null, TaskStatus.RUNNING, 1_000)).hasSize(TASKS);
        }
        assertThat(StoreFixtures.integrityCheck(file)).isEqualTo("ok");
    }

    private static String javaCommand() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
