package org.m365mcp.sandbox.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.m365mcp.cache.store.TestClock;

class ChangeLogTest {

    private static final Instant START = Instant.parse("2026-01-15T09:30:00Z");

    private final TestClock clock = new TestClock(START);
    private final ChangeLog log = new ChangeLog(clock, new DeltaSettings(3, Duration.ofHours(1)));

    @Test
    void record_numbersChangesOneAboveTheLast() {
        long first = log.record("inbox", "a", ChangeKind.CREATED, null).sequence();
        long second = log.record("inbox", "b", ChangeKind.UPDATED, null).sequence();

        assertThat(second).isEqualTo(first + 1);
        assertThat(log.head()).isEqualTo(second);
    }

    @Test
    void between_afterAndUpToInOneContainer_oldestFirst() {
        ChangeLog log = new ChangeLog(clock, new DeltaSettings(10, Duration.ofHours(1)));
        long start = log.head();
        log.record("inbox", "a", ChangeKind.CREATED, null);
        log.record("archive", "b", ChangeKind.CREATED, null);
        long upTo = log.record("inbox", "a", ChangeKind.UPDATED, null).sequence();
        log.record("inbox", "c", ChangeKind.CREATED, null);

        assertThat(log.between(start, upTo, "inbox"))
                .extracting(Change::itemId, Change::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", ChangeKind.CREATED),
                        org.assertj.core.groups.Tuple.tuple("a", ChangeKind.UPDATED));
        assertThat(log.between(start, upTo, null)).hasSize(3);
    }

    @Test
    void isAnswerable_positionOfTheHead_true() {
        log.record("inbox", "a", ChangeKind.CREATED, null);

        assertThat(log.isAnswerable(log.head(), clock.instant())).isTrue();
    }

    @Test
    void isAnswerable_positionBeforeAnEvictedChange_false() {
        long before = log.head();
        for (int i = 0; i < 4; i++) { // one more than the log keeps
            log.record("inbox", "m" + i, ChangeKind.CREATED, null);
        }

        assertThat(log.isAnswerable(before, clock.instant())).isFalse();
        assertThat(log.isAnswerable(before + 1, clock.instant())).isTrue();
    }

    @Test
    void isAnswerable_tokenOlderThanItsLifetime_false() {
        long position = log.head();
        Instant issued = clock.instant();
        clock.advance(Duration.ofMinutes(59));
        assertThat(log.isAnswerable(position, issued)).isTrue();

        clock.advance(Duration.ofMinutes(1));

        assertThat(log.isAnswerable(position, issued)).isFalse();
    }

    @Test
    void record_changesOlderThanTheLifetime_evicted() {
        long before = log.head();
        log.record("inbox", "a", ChangeKind.CREATED, null);
        clock.advance(Duration.ofMinutes(61));
        long after = log.head();

        assertThat(log.between(before, after, null)).isEmpty();
        assertThat(log.isAnswerable(before, clock.instant())).isFalse();
        assertThat(log.isAnswerable(after, clock.instant())).isTrue();
    }

    @Test
    void expireTokens_everyPositionHandedOut_unanswerable_newOnesAnswerable() {
        long old = log.head();
        log.record("inbox", "a", ChangeKind.CREATED, null);
        long latest = log.head();

        log.expireTokens();

        assertThat(log.isAnswerable(old, clock.instant())).isFalse();
        assertThat(log.isAnswerable(latest, clock.instant())).isFalse();
        assertThat(log.isAnswerable(log.head(), clock.instant())).isTrue();
    }

    @Test
    void isAnswerable_positionAheadOfTheHead_false() {
        assertThat(log.isAnswerable(log.head() + 5, clock.instant())).isFalse();
    }
}
