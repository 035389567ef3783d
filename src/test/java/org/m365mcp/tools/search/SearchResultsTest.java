package org.m365mcp.tools.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.m365mcp.mcp.ToolArgumentException;

/** Building search/query bodies and merging their ranked hits. */
class SearchResultsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void answer_threeTypes_mergedByRankTiesInTypeOrder_thenCutToLimit() throws Exception {
        List<SearchPager.Found> found = List.of(
                new SearchPager.Found("message", hits("""
                        [{"hitId":"m1","rank":1,"summary":"<c0>Budget</c0> Q3<ddd/>","resource":{"@odata.type":"#microsoft.graph.message","id":"m1","subject":"Q3 budget"}},
                         {"hitId":"m2","rank":2,"resource":{"@odata.type":"#microsoft.graph.message","id":"m2","subject":"Budget review"}}]"""), 2, true),
                new SearchPager.Found("event", List.of(), 0, false),
                new SearchPager.Found("driveItem", hits("""
                        [{"hitId":"f1","rank":1,"summary":"","resource":{"@odata.type":"#microsoft.graph.driveItem","id":"f1","name":"Budget.xlsx"}}]"""), 1, false));

        SearchAnswer answer = SearchResults.answer("demo", "budget", found, 2);

        assertThat(answer.hits())
                .extracting(SearchHit::type, SearchHit::id, SearchHit::title)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("message", "m1", "Q3 budget"),
                        org.assertj.core.groups.Tuple.tuple("driveItem", "f1", "Budget.xlsx"));
        assertThat(answer.hits().get(0).summary()).isEqualTo("Budget Q3…");
        assertThat(answer.hits().get(1).summary()).isNull();
        assertThat(answer.total()).isEqualTo(3);
        assertThat(answer.count()).isEqualTo(2);
        assertThat(answer.moreAvailable()).isTrue();
    }

    @Test
    void answer_noHits_isEmptyAndNothingMore() throws Exception {
        SearchAnswer answer = SearchResults.answer(
                "demo", "zzz", List.of(new SearchPager.Found("driveItem", List.of(), 0, false)), 25);

        assertThat(answer.hits()).isEmpty();
        assertThat(answer.moreAvailable()).isFalse();
    }

    private List<JsonNode> hits(String array) throws Exception {
        List<JsonNode> hits = new ArrayList<>();
        json.readTree(array).forEach(hits::add);
        return hits;
    }

    @Test
    void queryString_blankTooLongOrMultiLine_rejected() {
        assertThatThrownBy(() -> SearchResults.queryString("query", "  ")).isInstanceOf(ToolArgumentException.class);
        assertThatThrownBy(() -> SearchResults.queryString("query", "a".repeat(501)))
                .isInstanceOf(ToolArgumentException.class);
        assertThatThrownBy(() -> SearchResults.queryString("query", "a\nb")).isInstanceOf(ToolArgumentException.class);
        assertThat(SearchResults.queryString("query", " filename:report ")).isEqualTo("filename:report");
    }
}
