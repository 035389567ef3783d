package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /search/query} over HTTP, as Graph's Microsoft Search API answers it. */
class SearchEndpointsTest {

    private final SandboxServer sandbox = SandboxServer.start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void driveItems_byName_rankedWithTotals() {
        JsonNode answer = sandbox.demo("POST", "/search/query", """
                {"requests":[{"entityTypes":["driveItem"],"query":{"queryString":"budget"},"from":0,"size":5}]}""", 200);

        JsonNode response = answer.path("value").get(0);
        assertThat(response.path("searchTerms").get(0).asText()).isEqualTo("budget");
        JsonNode container = response.path("hitsContainers").get(0);
        assertThat(container.path("hits")).hasSize(5);
        assertThat(container.path("total").asInt()).isGreaterThan(5);
        assertThat(container.path("moreResultsAvailable").asBoolean()).isTrue();
        JsonNode first = container.path("hits").get(0);
        assertThat(first.path("rank").asInt()).isEqualTo(1);
        assertThat(first.path("resource").path("@odata.type").asText()).isEqualTo("#microsoft.graph.driveItem");
        assertThat(first.path("resource").path("name").asText()).containsIgnoringCase("budget");
        assertThat(first.path("summary").asText()).contains("<c0>Budget</c0>");
        assertThat(first.path("hitId").asText()).isEqualTo(first.path("resource").path("id").asText());
    }

    @Test
    void messagesAndEvents_together_writesVisibleToSearch() {
        sandbox.demo("POST", "/me/messages", "{\"subject\":\"Zanzibar retreat\",\"body\":{\"content\":\"Flights booked\"}}", 201);
        sandbox.demo("POST", "/me/events", """
                {"subject":"Zanzibar retreat planning","start":{"dateTime":"2026-01-20T10:00:00","timeZone":"UTC"},
                 "end":{"dateTime":"2026-01-20T11:00:00","timeZone":"UTC"}}""", 201);

        JsonNode container = sandbox.demo("POST", "/search/query", """
                {"requests":[{"entityTypes":["message","event"],"query":{"queryString":"zanzibar"},
                  "fields":["subject"]}]}""", 200).path("value").get(0).path("hitsContainers").get(0);

        assertThat(container.path("total").asInt()).isEqualTo(2);
        assertThat(container.path("hits")).extracting(h -> h.path("resource").path("@odata.type").asText())
                .containsExactly("#microsoft.graph.message", "#microsoft.graph.event");
        assertThat(container.path("hits").get(1).path("resource").path("subject").asText()).isEqualTo("Zanzibar retreat planning");
        assertThat(container.path("hits").get(1).path("resource").has("body")).isFalse();
    }

    @Test
    void noHits_isAnEmptyContainer_badRequestsAre400() {
        JsonNode none = sandbox.demo("POST", "/search/query",
                "{\"requests\":[{\"entityTypes\":[\"message\"],\"query\":{\"queryString\":\"qwertyuiop\"}}]}", 200);
        JsonNode container = none.path("value").get(0).path("hitsContainers").get(0);
        assertThat(container.has("hits")).isFalse();
        assertThat(container.path("total").asInt()).isZero();

        HttpResponse<String> mixed = sandbox.send("POST", "/v1.0/search/query",
                "{\"requests\":[{\"entityTypes\":[\"message\",\"driveItem\"],\"query\":{\"queryString\":\"x\"}}]}",
                SandboxTenant.DEMO_TOKEN);
        assertThat(mixed.statusCode()).isEqualTo(400);
        sandbox.demo("POST", "/search/query", "{\"requests\":[]}", 400);
        sandbox.demo("POST", "/search/query", "{\"requests\":[{\"entityTypes\":[\"message\"],\"query\":{}}]}", 400);
    }

    @Test
    void dollarSearchOnEvents_withConsistencyLevelHeaderAccepted() {
        HttpResponse<String> response = sandbox.send("GET", "/v1.0/me/events?$search=\"stand-up\"", null,
                SandboxTenant.DEMO_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"subject\":\"Daily stand-up\"");
    }
}
