package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** The batch console's REST API (/console/api) as the IT server serves it, with the IT token. */
final class ConsoleApi {

    static final Set<String> FINISHED = Set.of("COMPLETED", "STOPPED", "FAILED", "ABANDONED");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final URI api;

    ConsoleApi(URL base) {
        this.api = URI.create(ItServer.root(base) + "/console/api/");
    }

    URI uri(String path) {
        return api.resolve(path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return ok(send(authorized(path).GET()));
    }

    JsonNode post(String path) throws IOException, InterruptedException {
        return ok(send(authorized(path).POST(HttpRequest.BodyPublishers.noBody())));
    }

    long start(String job) throws IOException, InterruptedException {
        return post("jobs/" + job + "/start").path("execution_id").asLong();
    }

    JsonNode execution(long id) throws IOException, InterruptedException {
        return get("executions/" + id);
    }

    /** Polls until the execution has finished (any end status); fails after {@code timeout}. */
    JsonNode awaitFinished(long id, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode execution = execution(id);
            if (FINISHED.contains(execution.path("status").asText())) {
                return execution;
            }
            assertThat(Instant.now())
                    .as("execution %d still %s", id, execution.path("status").asText())
                    .isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /** The warming step's progress in {@code execution} (a missing node when it has none yet). */
    static JsonNode progress(JsonNode execution) {
        for (JsonNode step : execution.path("steps")) {
            if (step.has("progress")) {
                return step.path("progress");
            }
        }
        return execution.path("no-progress");
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ItServer.TOKEN);
    }

    private JsonNode ok(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode())
                .as("%s answered %s", response.uri(), response.body())
                .isBetween(200, 299);
        return json.readTree(response.body());
    }
}
