package org.m365mcp.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PollingPlanTest {

    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");
    private final PollingPlan plan = PollingPlan.of(new SyncSettings());

    @Test
    void theInbox_isPolledAtTheHotInterval_evenWhenNothingWasCachedLately() {
        assertThat(plan.interval(SyncResource.messages("inbox"), NOW.minus(Duration.ofHours(3)), false, false, NOW))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aFolderReadWithinTenMinutes_isHot_anOlderOneNormal() {
        SyncResource archive = SyncResource.messages("archive");

        assertThat(plan.interval(archive, NOW.minus(Duration.ofMinutes(9)), false, false, NOW))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(plan.interval(archive, NOW.minus(Duration.ofMinutes(11)), false, false, NOW))
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aResourceCoveredByNotifications_isPolledOnlyAsASafetyNet() {
        assertThat(plan.interval(SyncResource.messages("inbox"), NOW, true, false, NOW))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void due_whenNeverSyncedSinceStartUp_orAnIntervalAgo_notBefore() {
        Duration interval = Duration.ofSeconds(30);

        assertThat(plan.due(Optional.empty(), interval, NOW)).isTrue();
        assertThat(plan.due(Optional.of(NOW.minusSeconds(30)), interval, NOW)).isTrue();
        assertThat(plan.due(Optional.of(NOW.minusSeconds(29)), interval, NOW)).isFalse();
    }

    @Test
    void interval_ofAnAccountFollowedByNotifications_isNormalForWhatTheyCannotCover_evenRecentlyRead() {
        SyncResource archive = SyncResource.messages("archive");

        assertThat(plan.interval(archive, NOW, false, true, NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(plan.interval(archive, NOW, false, false, NOW))
                .as("without notifications a recently read resource is hot")
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(plan.interval(SyncResource.messages("inbox"), NOW, true, true, NOW))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void interval_ofTheMailFolders_isNormal_evenRecentlyRead_forAMessageRoundWithChangesPullsThem() {
        SyncResource folders = SyncResource.of(SyncKind.MAIL_FOLDERS);

        assertThat(plan.interval(folders, NOW, false, false, NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(plan.interval(folders, NOW, false, true, NOW)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void intervals_withinTheBudget_areTheWantedOnes() {
        List<PollingPlan.Followed> followed = List.of(
                new PollingPlan.Followed(SyncResource.messages("inbox"), NOW, null, false),
                new PollingPlan.Followed(SyncResource.of(SyncKind.EVENTS), NOW.minusSeconds(5), null, false),
                new PollingPlan.Followed(SyncResource.of(SyncKind.DRIVE), NOW.minus(Duration.ofHours(1)), null, false));

        Map<SyncResource, Duration> intervals = plan.intervals(followed, false, NOW);

        assertThat(intervals)
                .containsEntry(SyncResource.messages("inbox"), Duration.ofSeconds(30))
                .containsEntry(SyncResource.of(SyncKind.EVENTS), Duration.ofSeconds(30))
                .containsEntry(SyncResource.of(SyncKind.DRIVE), Duration.ofMinutes(2));
    }

    @Test
    void intervals_ofAnAccountThatReadSeveralFolders_costTheBudget_theInboxThenTheNewestKeepingTheirs() {
        SyncResource inbox = SyncResource.messages("inbox");
        List<PollingPlan.Followed> followed = new ArrayList<>();
        followed.add(new PollingPlan.Followed(inbox, NOW.minus(Duration.ofMinutes(8)), null, false));
        for (int i = 0; i < 3; i++) {
            followed.add(new PollingPlan.Followed(
                    SyncResource.messages("folder" + i), NOW.minusSeconds(60L * i), null, false));
        }

        Map<SyncResource, Duration> intervals = plan.intervals(followed, false, NOW);

        // Wanted: 4 at 30 s, 80 rounds. Budget 45: the inbox 20, each folder its normal 5, and the 10
        // left to the most recently read folder (15 rounds: every 40 s).
        assertThat(intervals)
                .containsEntry(inbox, Duration.ofSeconds(30))
                .containsEntry(SyncResource.messages("folder0"), Duration.ofSeconds(40))
                .containsEntry(SyncResource.messages("folder1"), Duration.ofMinutes(2))
                .containsEntry(SyncResource.messages("folder2"), Duration.ofMinutes(2));
    }

    @Test
    void intervals_ofMoreResourcesThanTheBudgetPollsNormally_stretchTheLeastRecentUpToTheNotifiedInterval() {
        List<PollingPlan.Followed> followed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            followed.add(new PollingPlan.Followed(
                    SyncResource.messages("folder" + i),
                    NOW.minus(Duration.ofHours(1)).minusSeconds(i),
                    null,
                    false));
        }

        Map<SyncResource, Duration> intervals = plan.intervals(followed, false, NOW);

        assertThat(intervals.get(SyncResource.messages("folder0"))).isEqualTo(Duration.ofMinutes(2));
        assertThat(intervals.get(SyncResource.messages("folder19"))).isEqualTo(Duration.ofMinutes(30));
        assertThat(intervals.values())
                .allSatisfy(d -> assertThat(d).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(30)));
        assertThat(intervals.values().stream()
                        .mapToDouble(d -> 600_000.0 / d.toMillis())
                        .sum())
                .isLessThanOrEqualTo(45.0 + 1e-6);
    }

    @Test
    void intervals_withoutABudget_areTheWantedOnesWhateverTheyCost() {
        PollingPlan unbounded = new PollingPlan(
                Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(30), Duration.ofMinutes(10), 0);
        List<PollingPlan.Followed> followed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            followed.add(new PollingPlan.Followed(SyncResource.messages("folder" + i), NOW, null, false));
        }

        assertThat(unbounded.intervals(followed, false, NOW).values()).containsOnly(Duration.ofSeconds(30));
    }

    @Test
    void intervals_overTheBudget_giveWhatIsBeingReadNowItsHotInterval_beforeTheOthersTheirNormalOne() {
        SyncResource inbox = SyncResource.messages("inbox");
        SyncResource drive = SyncResource.of(SyncKind.DRIVE);
        List<PollingPlan.Followed> followed = new ArrayList<>();
        followed.add(new PollingPlan.Followed(inbox, NOW.minus(Duration.ofMinutes(8)), null, false));
        // the drive's listing was fetched 9 minutes ago and read from the cache ever since, 5 s ago last
        followed.add(new PollingPlan.Followed(drive, NOW.minus(Duration.ofMinutes(9)), NOW.minusSeconds(5), false));
        for (int i = 0; i < 6; i++) {
            followed.add(new PollingPlan.Followed(
                    SyncResource.messages("folder" + i), NOW.minusSeconds(60L * i), null, false));
        }

        Map<SyncResource, Duration> intervals = plan.intervals(followed, false, NOW);

        // Wanted: 8 at 30 s, 160 rounds. Budget 45: the inbox 20, the drive being read 20, and what is
        // left after every floor (1/3 round each) to the newest folder (about 2.3 rounds: every 4 min 20 s).
        assertThat(intervals).containsEntry(inbox, Duration.ofSeconds(30)).containsEntry(drive, Duration.ofSeconds(30));
        assertThat(intervals.get(SyncResource.messages("folder5"))).isEqualTo(Duration.ofMinutes(30));
        assertThat(intervals.values().stream()
                        .mapToDouble(d -> 600_000.0 / d.toMillis())
                        .sum())
                .isLessThanOrEqualTo(45.0 + 1e-3);
    }

    @Test
    void interval_ofAResourceReadLately_isHot_thoughItsNewestEntryIsOld() {
        PollingPlan.Followed read = new PollingPlan.Followed(
                SyncResource.of(SyncKind.EVENTS), NOW.minus(Duration.ofHours(2)), NOW.minusSeconds(90), false);

        assertThat(read.recency()).isEqualTo(NOW.minusSeconds(90));
        assertThat(plan.intervals(List.of(read), false, NOW))
                .containsEntry(SyncResource.of(SyncKind.EVENTS), Duration.ofSeconds(30));
    }
}
