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
        assertThat(first.path("hitId").asText())
                .isEqualTo(first.path("resource").path("id").asText());
    }

    @Test
    void messagesThenEvents_oneTypePerRequest_writesVisibleToSearch() {
        sandbox.demo(
                "POST",
                "/me/messages",
                "{\"subject\":\"Zanzibar retreat\",\"body\":{\"content\":\"Flights booked\"}}",
                201);
        sandbox.demo("POST", "/me/events", """
                {"subject":"Zanzibar retreat planning","start":{"dateTime":"2026-01-20T10:00:00","timeZone":"UTC"},
                 "end":{"dateTime":"2026-01-20T11:00:00","timeZone":"UTC"}}""", 201);

        JsonNode messages = container("""
                {"requests":[{"entityTypes":["message"],"query":{"queryString":"zanzibar"},"fields":["subject"]}]}""");
        JsonNode events = container("""
                {"requests":[{"entityTypes":["event"],"query":{"queryString":"zanzibar"},"fields":["subject"]}]}""");

        assertThat(messages.path("total").asInt()).isEqualTo(1);
        assertThat(messages.path("hits")
                        .get(0)
                        .path("resource")
                        .path("@odata.type")
                        .asText())
                .isEqualTo("#microsoft.graph.message");
        assertThat(events.path("total").asInt()).isEqualTo(1);
        JsonNode event = events.path("hits").get(0).path("resource");
        assertThat(event.path("@odata.type").asText()).isEqualTo("#microsoft.graph.event");
        assertThat(event.path("subject").asText()).isEqualTo("Zanzibar retreat planning");
        assertThat(event.has("body")).isFalse();
    }

    @Test
    void query_messageWithEventInOneRequest_is400BadRequestAsGraphAnswers() {
        JsonNode error = sandbox.demo("POST", "/search/query", """
                {"requests":[{"entityTypes":["message","event"],"query":{"queryString":"budget"}}]}""", 400);

        assertThat(error.at("/error/code").asText()).isEqualTo("BadRequest");
        assertThat(error.at("/error/message").asText()).contains("message").contains("event");
    }

    @Test
    void query_twoRequestsInOneBody_is400BadRequest() {
        JsonNode error = sandbox.demo("POST", "/search/query", """
                {"requests":[{"entityTypes":["message"],"query":{"queryString":"budget"}},
                             {"entityTypes":["driveItem"],"query":{"queryString":"budget"}}]}""", 400);

        assertThat(error.at("/error/code").asText()).isEqualTo("BadRequest");
        assertThat(error.at("/error/message").asText()).contains("one search request");
    }

    @Test
    void query_sizeOver25ForMessagesOrEvents_is400_driveItemsUpTo1000() {
        for (String type : new String[] {"message", "event"}) {
            JsonNode error = sandbox.demo(
                    "POST",
                    "/search/query",
                    "{\"requests\":[{\"entityTypes\":[\"" + type
                            + "\"],\"query\":{\"queryString\":\"review\"},\"from\":0,\"size\":26}]}",
                    400);
            assertThat(error.at("/error/code").asText()).isEqualTo("BadRequest");
            assertThat(error.at("/error/message").asText()).contains("25");
            assertThat(container("{\"requests\":[{\"entityTypes\":[\"" + type
                                    + "\"],\"query\":{\"queryString\":\"review\"},\"from\":0,\"size\":25}]}")
                            .path("hits"))
                    .hasSizeLessThanOrEqualTo(25);
        }
        assertThat(container("""
                {"requests":[{"entityTypes":["driveItem"],"query":{"queryString":"pdf"},"from":0,"size":1000}]}""").path("hits").size()).isGreaterThan(25);
        sandbox.demo("POST", "/search/query", """
                {"requests":[{"entityTypes":["driveItem"],"query":{"queryString":"pdf"},"size":1001}]}""", 400);
    }

    @Test
    void query_pagedWithFrom_ranksContinueAcrossPages() {
        JsonNode first = container("""
                {"requests":[{"entityTypes":["message"],"query":{"queryString":"review"},"from":0,"size":25}]}""");
        JsonNode second = container("""
                {"requests":[{"entityTypes":["message"],"query":{"queryString":"review"},"from":25,"size":25}]}""");

        assertThat(first.path("moreResultsAvailable").asBoolean()).isTrue();
        assertThat(second.path("hits").get(0).path("rank").asInt()).isEqualTo(26);
        assertThat(second.path("hits").get(0).path("hitId").asText())
                .isNotEqualTo(first.path("hits").get(24).path("hitId").asText());
    }

    @Test
    void noHits_isAnEmptyContainer_badRequestsAre400() {
        JsonNode none = sandbox.demo(
                "POST",
                "/search/query",
                "{\"requests\":[{\"entityTypes\":[\"message\"],\"query\":{\"queryString\":\"qwertyuiop\"}}]}",
                200);
        JsonNode container = none.path("value").get(0).path("hitsContainers").get(0);
        assertThat(container.has("hits")).isFalse();
        assertThat(container.path("total").asInt()).isZero();

        HttpResponse<String> mixed = sandbox.send(
                "POST",
                "/v1.0/search/query",
                "{\"requests\":[{\"entityTypes\":[\"message\",\"driveItem\"],\"query\":{\"queryString\":\"x\"}}]}",
                SandboxTenant.DEMO_TOKEN);
        assertThat(mixed.statusCode()).isEqualTo(400);
        sandbox.demo("POST", "/search/query", "{\"requests\":[]}", 400);
        sandbox.demo("POST", "/search/query", "{\"requests\":[{\"entityTypes\":[\"message\"],\"query\":{}}]}", 400);
    }

    private JsonNode container(String body) {
        return sandbox.demo("POST", "/search/query", body, 200)
                .path("value")
                .get(0)
                .path("hitsContainers")
                .get(0);
    }

    @Test
    void dollarSearchOnEvents_withConsistencyLevelHeaderAccepted() {
        HttpResponse<String> response =
                sandbox.send("GET", "/v1.0/me/events?$search=\"stand-up\"", null, SandboxTenant.DEMO_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"subject\":\"Daily stand-up\"");
    }
}
