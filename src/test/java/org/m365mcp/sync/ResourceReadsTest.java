package org.m365mcp.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.m365mcp.cache.entries.CacheStatistics.Outcome;
import org.m365mcp.cache.entries.CallServed;
import org.m365mcp.cache.store.TestClock;

class ResourceReadsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T20:00:00Z");

    private final TestClock clock = new TestClock(NOW);
    private final ResourceReads reads = new ResourceReads();

    ResourceReadsTest() {
        reads.clock = clock;
    }

    @Test
    void aListingReadFromTheCache_marksItsFolderRead_forTheAccountInAnyCase() {
        reads.served(served("email_list", "Demo2", Map.of("folder", "archive", "limit", "10"), Outcome.FRESH));

        assertThat(reads.lastRead("demo2", SyncResource.messages("archive"))).contains(NOW);
        assertThat(reads.lastRead("demo2", SyncResource.messages("inbox"))).isEmpty();
        assertThat(reads.lastRead("demo", SyncResource.messages("archive"))).isEmpty();
    }

    @Test
    void aLaterRead_movesTheInstant_andEveryDriveOperationMarksTheDrive() {
        reads.served(served("file_list", "demo", Map.of("path", "/Projects"), Outcome.MISS));
        clock.advance(Duration.ofSeconds(30));
        reads.served(served("folder_get_tree", "demo", Map.of(), Outcome.STALE));

        assertThat(reads.lastRead("demo", SyncResource.of(SyncKind.DRIVE))).contains(NOW.plusSeconds(30));
    }

    @Test
    void aBackgroundRefetch_orAReadNoResourceCovers_marksNothing() {
        reads.served(served("email_list", "demo", Map.of("folder", "inbox"), Outcome.REFRESH));
        reads.served(served("search_emails", "demo", Map.of("query", "x"), Outcome.FRESH));

        assertThat(reads.lastRead("demo", SyncResource.messages("inbox"))).isEmpty();
    }

    private static CallServed served(String operation, String account, Map<String, String> params, Outcome outcome) {
        return new CallServed(operation, account, params, outcome, Duration.ofMillis(1));
    }
}
