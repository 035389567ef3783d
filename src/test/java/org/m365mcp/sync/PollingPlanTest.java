package org.m365mcp.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
        SyncResource folders = SyncResource.of(SyncKind.MAIL_FOLDERS);

        assertThat(plan.interval(folders, NOW, false, true, NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(plan.interval(folders, NOW, false, false, NOW))
                .as("without notifications a recently read resource is hot")
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(plan.interval(SyncResource.messages("inbox"), NOW, true, true, NOW))
                .isEqualTo(Duration.ofMinutes(30));
    }
}
