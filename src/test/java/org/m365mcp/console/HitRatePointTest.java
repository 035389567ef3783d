package org.m365mcp.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.m365mcp.cache.store.StatsRow;

class HitRatePointTest {

    private static final Instant T0 = Instant.parse("2026-11-21T06:00:00Z");

    @Test
    void of_rowsOfSeveralTypes_summedPerRecordingTimeOldestFirst() {
        List<HitRatePoint> points = HitRatePoint.of(List.of(
                row(T0.plusSeconds(60), "email_list", 3, 1), row(T0, "email_list", 1, 1),
                row(T0, "file_list", 2, 0), row(T0.plusSeconds(60), "file_list", 0, 0)));

        assertThat(points)
                .containsExactly(new HitRatePoint(T0, 3, 1, 0.75), new HitRatePoint(T0.plusSeconds(60), 3, 1, 0.75));
    }

    @Test
    void point_noLookups_rateZero() {
        assertThat(HitRatePoint.point(T0, 0, 0).hitRate()).isZero();
        assertThat(HitRatePoint.point(T0, 1, 2).hitRate()).isEqualTo(0.3333);
    }

    private static StatsRow row(Instant at, String type, long hits, long misses) {
        return new StatsRow(at, null, type, hits, misses, 0, null, null, null, 0, 0, 0);
    }
}
