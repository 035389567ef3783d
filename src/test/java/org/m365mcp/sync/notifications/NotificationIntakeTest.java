package org.m365mcp.sync.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.m365mcp.cache.store.TestClock;
import org.m365mcp.sync.ChangeSignals;
import org.m365mcp.sync.SyncKind;

/**
 * What a notification does once parsed: only one presenting the clientState of a live subscription this
 * server holds reaches the delta sync; everything else is counted by reason.
 */
class NotificationIntakeTest {

    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");

    private final TestClock clock = new TestClock(NOW);
    private final SubscriptionBook book = new SubscriptionBook(clock);
    private final NotificationCounts counts = new NotificationCounts();
    private final List<String> signals = new ArrayList<>();
    private final List<String> lifecycleJobs = new ArrayList<>();
    private boolean jobsFull;
    private final NotificationIntake intake =
            new NotificationIntake(book, counts, () -> Optional.of(recorder()), (s, e) -> {
                if (jobsFull) {
                    return false;
                }
                lifecycleJobs.add(s.id() + " " + e);
                return true;
            });

    private final ActiveSubscription messages = subscription("m1", SubscriptionTarget.MESSAGES, "state-m");
    private final ActiveSubscription drive = subscription("d1", SubscriptionTarget.DRIVE, "state-d");

    NotificationIntakeTest() {
        book.put(messages);
        book.put(drive);
    }

    @Test
    void accept_messageChangeWithItsClientState_signalsMessagesAndMailFolders() {
        intake.accept(change("m1", "state-m", null), false);

        assertThat(signals).containsExactlyInAnyOrder("changed demo messages", "changed demo mail_folders");
        assertThat(counts.changes()).isEqualTo(1);
    }

    @Test
    void accept_wrongOrMissingClientState_ignoredAndCounted() {
        intake.accept(change("m1", "state-d", null), false);
        intake.accept(change("m1", null, null), false);
        intake.accept(change("m1", "state-m-and-more", null), false);

        assertThat(signals).isEmpty();
        assertThat(counts.rejected(Rejection.CLIENT_STATE)).isEqualTo(3);
        assertThat(counts.changes()).isZero();
    }

    @Test
    void accept_unknownOrExpiredSubscription_ignoredAndCounted() {
        intake.accept(change("nobody", "state-m", null), false);
        clock.advance(Duration.ofDays(4));
        intake.accept(change("m1", "state-m", null), false);

        assertThat(signals).isEmpty();
        assertThat(counts.rejected(Rejection.UNKNOWN_SUBSCRIPTION)).isEqualTo(2);
    }

    @Test
    void accept_oneBadNotificationInABatch_theOthersStillCount() {
        String batch = "{\"value\":[" + item("m1", "wrong", null) + "," + item("d1", "state-d", null) + "]}";

        intake.accept(batch.getBytes(StandardCharsets.UTF_8), false);

        assertThat(signals).containsExactly("changed demo drive");
        assertThat(counts.rejected(Rejection.CLIENT_STATE)).isEqualTo(1);
    }

    @Test
    void accept_malformedBody_countedOnceAndNothingSignalled() {
        intake.accept("{\"value\":[{\"subscriptionId\":\"m1\"}]}".getBytes(StandardCharsets.UTF_8), false);

        assertThat(signals).isEmpty();
        assertThat(counts.rejected(Rejection.MALFORMED)).isEqualTo(1);
    }

    @Test
    void accept_sameNotificationIdTwice_secondIsAReplay() {
        intake.accept(change("d1", "state-d", "n-1"), false);
        intake.accept(change("d1", "state-d", "n-1"), false);
        intake.accept(change("d1", "state-d", "n-2"), false);

        assertThat(signals).containsExactly("changed demo drive", "changed demo drive");
        assertThat(counts.rejected(Rejection.REPLAY)).isEqualTo(1);
    }

    @Test
    void accept_missed_signalsAResyncOfEachKind() {
        intake.accept(lifecycle("m1", "state-m", "missed"), true);

        assertThat(signals).containsExactlyInAnyOrder("missed demo messages", "missed demo mail_folders");
        assertThat(counts.lifecycleEvents()).isEqualTo(1);
        assertThat(lifecycleJobs).isEmpty();
    }

    @Test
    void accept_reauthorizationAndRemoval_handedToLifecycleJobs() {
        intake.accept(lifecycle("m1", "state-m", "reauthorizationRequired"), true);
        intake.accept(lifecycle("d1", "state-d", "subscriptionRemoved"), true);

        assertThat(lifecycleJobs).containsExactly("m1 reauthorizationRequired", "d1 subscriptionRemoved");
        assertThat(counts.lifecycleEvents()).isEqualTo(2);
    }

    @Test
    void accept_lifecycleWithWrongClientState_neverReachesTheJobs() {
        intake.accept(lifecycle("m1", "forged", "subscriptionRemoved"), true);

        assertThat(lifecycleJobs).isEmpty();
        assertThat(counts.rejected(Rejection.CLIENT_STATE)).isEqualTo(1);
    }

    @Test
    void accept_lifecycleJobsFull_countedAsOverloaded() {
        jobsFull = true;

        intake.accept(lifecycle("m1", "state-m", "reauthorizationRequired"), true);

        assertThat(counts.rejected(Rejection.OVERLOADED)).isEqualTo(1);
        assertThat(counts.lifecycleEvents()).isZero();
    }

    @Test
    void accept_noDeltaSyncYet_countedWithoutFailing() {
        NotificationIntake withoutSync = new NotificationIntake(book, counts, Optional::empty, (s, e) -> true);

        withoutSync.accept(change("m1", "state-m", null), false);

        assertThat(counts.changes()).isEqualTo(1);
    }

    private ChangeSignals recorder() {
        return new ChangeSignals() {
            @Override
            public void changed(String accountId, SyncKind kind) {
                signals.add("changed " + accountId + " " + kind.label());
            }

            @Override
            public void missed(String accountId, SyncKind kind) {
                signals.add("missed " + accountId + " " + kind.label());
            }
        };
    }

    private static ActiveSubscription subscription(String id, SubscriptionTarget resource, String state) {
        return new ActiveSubscription(id, "demo", resource, state, NOW.plus(Duration.ofHours(70)));
    }

    private static byte[] change(String subscriptionId, String clientState, String id) {
        return ("{\"value\":[" + item(subscriptionId, clientState, id) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String item(String subscriptionId, String clientState, String id) {
        return "{\"subscriptionId\":\"" + subscriptionId + "\",\"changeType\":\"updated\""
                + (clientState == null ? "" : ",\"clientState\":\"" + clientState + "\"")
                + (id == null ? "" : ",\"id\":\"" + id + "\"") + "}";
    }

    private static byte[] lifecycle(String subscriptionId, String clientState, String event) {
        return ("{\"value\":[{\"subscriptionId\":\"" + subscriptionId + "\",\"clientState\":\"" + clientState
                        + "\",\"lifecycleEvent\":\"" + event + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
