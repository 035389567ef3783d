package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.m365mcp.cache.store.StoreFixtures.KEY;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskQueueTest {

    private static final Instant T0 = Instant.parse("2026-11-21T06:00:00Z");

    @TempDir
    Path dir;

    private TestClock clock;
    private CacheStore store;
    private TaskQueue tasks;

    @BeforeEach
    void open() {
        clock = new TestClock(T0);
        store = CacheStore.open(StoreSettings.defaults(dir.resolve("cache.db")), KEY, clock);
        tasks = store.tasks();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void enqueue_returnsUuidOfQueuedTaskDueAtOnce() {
        String id =
                tasks.enqueue("acc", "warm", "email_list", "{\"folder\":\"inbox\"}", "email_list:acc:folder=inbox", 2);

        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(tasks.get(id))
                .contains(new TaskRecord(
                        id,
                        "acc",
                        "warm",
                        "email_list",
                        "{\"folder\":\"inbox\"}",
                        "email_list:acc:folder=inbox",
                        TaskStatus.QUEUED,
                        2,
                        null,
                        null,
                        0,
                        T0,
                        null,
                        null,
                        0,
                        3,
                        T0));
    }

    @Test
    void enqueue_nullParametersAndKey_storesEmptyObjectAndNull() {
        String id = tasks.enqueue(new NewTask("acc", "refresh", "folder_get_tree", null, null, 5, 0));

        TaskRecord task = tasks.get(id).orElseThrow();
        assertThat(task.parametersJson()).isEqualTo("{}");
        assertThat(task.cacheKey()).isNull();
        assertThat(task.maxRetries()).isZero();
    }

    @Test
    void newTask_priorityOutsideOneToTen_isRejected() {
        assertThatThrownBy(() -> new NewTask("a", "t", "o", null, null, 0, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewTask("a", "t", "o", null, null, 11, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void claimNext_ordersByPriorityThenAge() {
        String p5old = enqueue("p5-old", 5);
        clock.advance(Duration.ofSeconds(1));
        String p1old = enqueue("p1-old", 1);
        clock.advance(Duration.ofSeconds(1));
        String p10 = enqueue("p10", 10);
        String p5new = enqueue("p5-new", 5);
        String p1new = enqueue("p1-new", 1);

        assertThat(claimAll()).containsExactly(p1old, p1new, p5old, p5new, p10);
    }

    @Test
    void claimNext_sameTimeAndPriority_takesFirstEnqueued() {
        String first = enqueue("first", 3);
        String second = enqueue("second", 3);
        String third = enqueue("third", 3);

        assertThat(claimAll()).containsExactly(first, second, third);
    }

    @Test
    void claimNext_marksRunningWithStartTimeAndNeverHandsOutTwice() {
        String id = enqueue("op", 5);
        clock.advance(Duration.ofSeconds(3));

        TaskRecord claimed = tasks.claimNext().orElseThrow();

        assertThat(claimed.taskId()).isEqualTo(id);
        assertThat(claimed.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(claimed.startedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(tasks.claimNext()).isEmpty();
    }

    @Test
    void fail_withRetriesLeft_requeuesNotClaimableUntilBackoffHasPassed() {
        String id = enqueue("op", 5);
        tasks.claimNext();
        clock.advance(Duration.ofSeconds(10));

        TaskRecord failed = tasks.fail(id, "Graph 503").orElseThrow();

        assertThat(failed.status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(failed.retryCount()).isEqualTo(1);
        assertThat(failed.error()).isEqualTo("Graph 503");
        assertThat(failed.startedAt()).isNull();
        assertThat(failed.notBefore()).isEqualTo(T0.plusSeconds(11));
        clock.advance(Duration.ofMillis(999));
        assertThat(tasks.claimNext()).as("backoff not over").isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(tasks.claimNext()).map(TaskRecord::taskId).contains(id);
    }

    @Test
    void fail_repeatedly_backoffDoublesFromOneSecond() {
        String id = enqueue("op", 5);
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.claimNext().orElseThrow();
            Instant failedAt = clock.instant();
            waits.add(Duration.between(
                    failedAt, tasks.fail(id, "boom").orElseThrow().notBefore()));
            clock.advance(waits.get(i));
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void fail_afterMaxRetries_isFailedAndNeverClaimedAgain() {
        String id = tasks.enqueue(new NewTask("acc", "warm", "op", null, null, 5, 2));
        Optional<TaskRecord> last = Optional.empty();
        for (int run = 0; run < 3; run++) {
            assertThat(tasks.claimNext()).as("run %d", run).isPresent();
            last = tasks.fail(id, "error " + run);
            clock.advance(Duration.ofMinutes(10));
        }

        TaskRecord failed = last.orElseThrow();
        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.retryCount()).isEqualTo(2);
        assertThat(failed.error()).isEqualTo("error 2");
        assertThat(failed.completedAt()).isEqualTo(T0.plus(Duration.ofMinutes(20)));
        assertThat(tasks.claimNext()).isEmpty();
    }

    @Test
    void fail_zeroMaxRetries_failsAtOnce() {
        String id = tasks.enqueue(new NewTask("acc", "warm", "op", null, null, 5, 0));
        tasks.claimNext();

        assertThat(tasks.fail(id, "no").orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    }

    @Test
    void fail_configuredBackoff_isUsedAndCapped() {
        store.close();
        store = CacheStore.open(
                StoreSettings.defaults(dir.resolve("cache.db"))
                        .withRetryBackoff(new RetryBackoff(Duration.ofSeconds(10), Duration.ofSeconds(25))),
                KEY,
                clock);
        tasks = store.tasks();
        String id = tasks.enqueue(new NewTask("acc", "warm", "op", null, null, 5, 5));
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.claimNext().orElseThrow();
            waits.add(Duration.between(
                    clock.instant(), tasks.fail(id, "x").orElseThrow().notBefore()));
            clock.advance(waits.get(i));
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(25));
    }

    @Test
    void fail_taskNotRunning_changesNothing() {
        String id = enqueue("op", 5);

        assertThat(tasks.fail(id, "x")).isEmpty();
        assertThat(tasks.fail("no-such-task", "x")).isEmpty();
        assertThat(tasks.get(id).orElseThrow().retryCount()).isZero();
    }

    @Test
    void complete_runningTask_recordsResultFullProgressAndTime() {
        String id = enqueue("op", 5);
        tasks.claimNext();
        clock.advance(Duration.ofSeconds(7));

        assertThat(tasks.complete(id, "{\"items\":3}")).isTrue();

        TaskRecord done = tasks.get(id).orElseThrow();
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.resultJson()).isEqualTo("{\"items\":3}");
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.completedAt()).isEqualTo(T0.plusSeconds(7));
        assertThat(tasks.complete(id, "again")).as("already completed").isFalse();
    }

    @Test
    void complete_queuedTask_isRefused() {
        String id = enqueue("op", 5);

        assertThat(tasks.complete(id, "{}")).isFalse();
        assertThat(tasks.get(id).orElseThrow().status()).isEqualTo(TaskStatus.QUEUED);
    }

    @Test
    void progress_runningTask_isRecordedAndBoundsAreChecked() {
        String id = enqueue("op", 5);
        assertThat(tasks.progress(id, 10)).as("not running yet").isFalse();
        tasks.claimNext();

        assertThat(tasks.progress(id, 40)).isTrue();

        assertThat(tasks.get(id).orElseThrow().progress()).isEqualTo(40);
        assertThatThrownBy(() -> tasks.progress(id, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tasks.progress(id, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requeueStale_runningLongerThanGiven_goesBackToQueueKeepingRetryCount() {
        String stale = enqueue("stale", 1);
        tasks.claimNext();
        clock.advance(Duration.ofMinutes(10));
        String fresh = enqueue("fresh", 1);
        tasks.claimNext();
        clock.advance(Duration.ofMinutes(5)); // stale has run 15 min, fresh 5 min

        assertThat(tasks.requeueStale(Duration.ofMinutes(10))).isEqualTo(1);

        TaskRecord requeued = tasks.get(stale).orElseThrow();
        assertThat(requeued.status()).isEqualTo(TaskStatus.QUEUED);
        assertThat(requeued.startedAt()).isNull();
        assertThat(requeued.retryCount()).isZero();
        assertThat(tasks.get(fresh).orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(tasks.claimNext()).map(TaskRecord::taskId).contains(stale);
    }

    @Test
    void list_filtersByAccountAndStatus_newestFirst_upToLimit() {
        String a1 = tasks.enqueue("a", "warm", "op1", null, null, 1);
        clock.advance(Duration.ofSeconds(1));
        String b1 = tasks.enqueue("b", "warm", "op2", null, null, 5);
        clock.advance(Duration.ofSeconds(1));
        String a2 = tasks.enqueue("a", "warm", "op3", null, null, 5);
        clock.advance(Duration.ofSeconds(1));
        String a3 = tasks.enqueue("a", "warm", "op4", null, null, 5);
        tasks.claimNext(); // a1, priority 1

        assertThat(ids(tasks.list(null, null, 10))).containsExactly(a3, a2, b1, a1);
        assertThat(ids(tasks.list("a", null, 10))).containsExactly(a3, a2, a1);
        assertThat(ids(tasks.list("a", TaskStatus.QUEUED, 10))).containsExactly(a3, a2);
        assertThat(ids(tasks.list(null, TaskStatus.RUNNING, 10))).containsExactly(a1);
        assertThat(ids(tasks.list("a", null, 2))).containsExactly(a3, a2);
    }

    @Test
    void pruneCompleted_finishedExactly24HoursAgoStays_aMillisecondOlderGoes() {
        String older = finishedAt(T0, true);
        String exact = finishedAt(T0.plusMillis(1), false);
        String queued = enqueue("queued", 5);
        clock.advance(Duration.ofHours(24)); // now T0 + 24 h + 1 ms: older finished 24 h + 1 ms ago, exact 24 h ago

        int pruned = tasks.pruneCompleted();

        assertThat(pruned).isEqualTo(1);
        assertThat(tasks.get(older)).isEmpty();
        assertThat(ids(tasks.list(null, null, 10))).containsExactlyInAnyOrder(exact, queued);
    }

    @Test
    void pruneCompleted_removesFailedToo_butNeverQueuedOrRunning() {
        String failed = finishedAt(T0, false);
        String completed = finishedAt(T0, true);
        String running = enqueue("running", 5);
        tasks.claimNext();
        String queued = enqueue("queued", 5);
        clock.advance(Duration.ofDays(3));

        assertThat(tasks.pruneCompleted(Duration.ofHours(1))).isEqualTo(2);
        assertThat(tasks.get(failed)).isEmpty();
        assertThat(tasks.get(completed)).isEmpty();
        assertThat(ids(tasks.list(null, null, 10))).containsExactlyInAnyOrder(running, queued);
    }

    @Test
    void deleteAccount_removesThatAccountsTasksOnly() {
        String a = tasks.enqueue("a", "warm", "op", null, null, 5);
        String b = tasks.enqueue("b", "warm", "op", null, null, 5);

        store.deleteAccount("a");

        assertThat(tasks.get(a)).isEmpty();
        assertThat(tasks.get(b)).isPresent();
    }

    private String enqueue(String operation, int priority) {
        return tasks.enqueue("acc", "warm", operation, null, null, priority);
    }

    /** A task claimed and then completed (or finally failed) at {@code at}. */
    private String finishedAt(Instant at, boolean completed) {
        clock.advance(Duration.between(clock.instant(), at));
        String id = tasks.enqueue(new NewTask("acc", "warm", "op", null, null, 1, 0));
        assertThat(tasks.claimNext().orElseThrow().taskId()).isEqualTo(id);
        if (completed) {
            tasks.complete(id, "{}");
        } else {
            tasks.fail(id, "gone");
        }
        return id;
    }

    private List<String> claimAll() {
        List<String> claimed = new ArrayList<>();
        for (Optional<TaskRecord> next = tasks.claimNext(); next.isPresent(); next = tasks.claimNext()) {
            claimed.add(next.get().taskId());
        }
        return claimed;
    }

    private static List<String> ids(List<TaskRecord> records) {
        return records.stream().map(TaskRecord::taskId).toList();
    }

    @Test
    void claimNextOfTypes_otherTypesQueuedFirst_claimsOnlyTheNamedTypesInPriorityThenAgeOrder() {
        tasks.enqueue("a", "warm", "folder_get_tree", null, null, 1);
        clock.advance(Duration.ofSeconds(1));
        String older = tasks.enqueue("a", "refresh", "email_list", null, null, 4);
        clock.advance(Duration.ofSeconds(1));
        String urgent = tasks.enqueue("a", "refresh", "email_get", null, null, 2);
        clock.advance(Duration.ofSeconds(1));
        String newer = tasks.enqueue("a", "refresh", "email_list", null, null, 4);

        List<String> claimed = new ArrayList<>();
        for (Optional<TaskRecord> next = tasks.claimNext(java.util.Set.of("refresh"));
                next.isPresent();
                next = tasks.claimNext(java.util.Set.of("refresh"))) {
            claimed.add(next.get().taskId());
        }

        assertThat(claimed).containsExactly(urgent, older, newer);
        assertThat(tasks.list(null, TaskStatus.QUEUED, 10))
                .extracting(TaskRecord::taskType)
                .containsExactly("warm");
        assertThat(tasks.claimNext(java.util.Set.of())).isEmpty();
    }
}
