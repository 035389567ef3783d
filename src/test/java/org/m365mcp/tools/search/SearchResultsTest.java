package org.m365mcp.tools.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.m365mcp.mcp.ToolArgumentException;

/** Building search/query bodies and merging their ranked hits. */
class SearchResultsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void body_unified_isTwoRequestsSinceDriveItemsMustBeAlone() {
        JsonNode body = SearchResults.body(SearchResults.UNIFIED, "budget", 10);

        assertThat(body.path("requests")).hasSize(2);
        assertThat(body.at("/requests/0/entityTypes").toString()).isEqualTo("[\"message\",\"event\"]");
        assertThat(body.at("/requests/1/entityTypes").toString()).isEqualTo("[\"driveItem\"]");
        assertThat(body.at("/requests/1/query/queryString").asText()).isEqualTo("budget");
        assertThat(body.at("/requests/0/size").asInt()).isEqualTo(10);
    }

    @Test
    void answer_twoResponses_mergedByRankThenCutToLimit() throws Exception {
        JsonNode response = json.readTree("""
                {"value":[
                  {"hitsContainers":[{"total":3,"moreResultsAvailable":true,"hits":[
                    {"hitId":"m1","rank":1,"summary":"<c0>Budget</c0> Q3<ddd/>","resource":{"@odata.type":"#microsoft.graph.message","id":"m1","subject":"Q3 budget"}},
                    {"hitId":"e1","rank":2,"resource":{"@odata.type":"#microsoft.graph.event","id":"e1","subject":"Budget review"}}]}]},
                  {"hitsContainers":[{"total":1,"moreResultsAvailable":false,"hits":[
                    {"hitId":"f1","rank":1,"summary":"","resource":{"@odata.type":"#microsoft.graph.driveItem","id":"f1","name":"Budget.xlsx"}}]}]}]}""");

        SearchAnswer answer = SearchResults.answer("demo", "budget", response, 2);

        assertThat(answer.hits()).extracting(SearchHit::type, SearchHit::id, SearchHit::title).containsExactly(
                org.assertj.core.groups.Tuple.tuple("message", "m1", "Q3 budget"),
                org.assertj.core.groups.Tuple.tuple("driveItem", "f1", "Budget.xlsx"));
        assertThat(answer.hits().get(0).summary()).isEqualTo("Budget Q3…");
        assertThat(answer.hits().get(1).summary()).isNull();
        assertThat(answer.total()).isEqualTo(4);
        assertThat(answer.count()).isEqualTo(2);
        assertThat(answer.moreAvailable()).isTrue();
    }

    @Test
    void answer_noHits_isEmptyAndNothingMore() throws Exception {
        JsonNode response = json.readTree("{\"value\":[{\"hitsContainers\":[{\"total\":0,\"moreResultsAvailable\":false}]}]}");

        SearchAnswer answer = SearchResults.answer("demo", "zzz", response, 25);

        assertThat(answer.hits()).isEmpty();
        assertThat(answer.moreAvailable()).isFalse();
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
