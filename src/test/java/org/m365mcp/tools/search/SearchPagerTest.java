package org.m365mcp.tools.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;
import org.m365mcp.sandbox.SandboxServer;
import org.m365mcp.sandbox.faults.FaultRule;

/**
 * {@link SearchPager} against the sandbox, which refuses what Graph refuses: two entity types of
 * mail and calendar in one request, two requests in one body, a page over 25 for either.
 */
class SearchPagerTest {

    private final SandboxServer sandbox = SandboxServer.start();
    private final GraphClient graph = sandbox.client(Duration.ofSeconds(10), 0);
    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        pool.shutdownNow();
        sandbox.close();
    }

    @Test
    void search_eventsPastAPageOf25_pagesWithFromUntilTheLimit() {
        SearchPager.Found found = pager("stand-up").search("event", 60);

        assertThat(found.hits()).hasSize(60);
        assertThat(found.hits())
                .extracting(hit -> hit.path("rank").asInt())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 60).boxed().toList());
        assertThat(found.hits()).extracting(hit -> hit.path("hitId").asText()).doesNotHaveDuplicates();
        assertThat(found.total()).isGreaterThan(60);
        assertThat(found.more()).isTrue();
        assertThat(sandbox.received("/v1.0/search/query")).hasSize(3);
    }

    @Test
    void search_fewerHitsThanTheLimit_stopsWhenGraphHasNoMore() {
        SearchPager.Found found = pager("offsite").search("event", 200);

        assertThat(found.hits()).hasSizeBetween(1, 24).hasSize(found.total());
        assertThat(found.more()).isFalse();
        assertThat(sandbox.received("/v1.0/search/query")).hasSize(1);
    }

    @Test
    void search_driveItems_onePageUpToTheLimit() {
        SearchPager.Found found = pager("budget").search("driveItem", 40);

        assertThat(found.hits()).hasSize(40);
        assertThat(sandbox.received("/v1.0/search/query")).hasSize(1);
    }

    @Test
    void body_isOneRequestOfOneTypeWithFromSizeAndFields() {
        JsonNode body = new SearchPager(graph, "demo", "budget", List.of("subject", "start")).body("event", 25, 10);

        assertThat(body.path("requests")).hasSize(1);
        assertThat(body.at("/requests/0/entityTypes").toString()).isEqualTo("[\"event\"]");
        assertThat(body.at("/requests/0/from").asInt()).isEqualTo(25);
        assertThat(body.at("/requests/0/size").asInt()).isEqualTo(10);
        assertThat(body.at("/requests/0/fields").toString()).isEqualTo("[\"subject\",\"start\"]");
        assertThat(pager("x").body("message", 0, 1).at("/requests/0").has("fields"))
                .isFalse();
    }

    @Test
    void searchAll_threeTypes_eachItsOwnRequests_resultsInTypeOrder() {
        List<SearchPager.Found> found = pager("review").searchAll(SearchResults.UNIFIED, 30, pool);

        assertThat(found).extracting(SearchPager.Found::entityType).containsExactly("message", "event", "driveItem");
        assertThat(found)
                .allSatisfy(type -> assertThat(type.hits())
                        .isNotEmpty()
                        .allSatisfy(hit -> assertThat(
                                        hit.at("/resource/@odata.type").asText())
                                .isEqualTo("#microsoft.graph." + type.entityType())));
        assertThat(found.get(0).hits()).hasSize(30);
        // message: pages of 25 and 5; event: one page (fewer than 25 hits) or two; driveItem: one page of 30
        assertThat(sandbox.received("/v1.0/search/query")).hasSizeBetween(4, 5);
    }

    @Test
    void searchAll_onAPool_typesRunAtOnce() {
        sandbox.state().setLatency(Duration.ofMillis(300));

        pager("review").searchAll(SearchResults.UNIFIED, 5, pool);

        assertThat(sandbox.state().requests().maxInFlight("demo")).isGreaterThanOrEqualTo(2);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void searchAll_onAPool_keepsTheToolCallsDeadline() throws Exception {
        GraphClient deadlined = sandbox.client(Duration.ofSeconds(20), 0, Duration.ofSeconds(2));
        sandbox.state().setLatency(Duration.ofSeconds(6));
        SearchPager pager = new SearchPager(deadlined, "demo", "review", List.of());

        assertThatThrownBy(() -> deadlined.withinDeadline(() -> {
                    Thread.sleep(1500); // most of the call's 2 s are spent before it searches
                    return pager.searchAll(SearchResults.UNIFIED, 5, pool);
                }))
                .isInstanceOf(GraphException.class)
                .hasMessageContaining("did not answer within 2 s");
        // the searches on the pool's threads end at the call's deadline too, not 2 s or more after they began
        pool.shutdown();
        assertThat(pool.awaitTermination(1200, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void searchAll_executorThatNeverRunsOrRefuses_theCallerSearchesEveryTypeItself() {
        Executor never = task -> {};
        Executor refusing = task -> {
            throw new RejectedExecutionException("full");
        };

        for (Executor executor : List.of(never, refusing)) {
            assertThat(pager("review").searchAll(SearchResults.UNIFIED, 5, executor))
                    .extracting(SearchPager.Found::entityType)
                    .containsExactly("message", "event", "driveItem");
        }
        assertThat(sandbox.state().requests().maxInFlight("demo")).isEqualTo(1);
    }

    @Test
    void searchAll_oneTypeFails_throwsGraphsError() {
        sandbox.state().faults().add(new FaultRule("/search/query", "POST", 500, null, 0, null, null, null));

        assertThatThrownBy(() -> pager("review").searchAll(SearchResults.UNIFIED, 5, pool))
                .isInstanceOf(GraphException.class);
    }

    private SearchPager pager(String query) {
        return new SearchPager(graph, "demo", query, List.of());
    }
}
