package org.m365mcp.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * Waits for a server's MicroProfile readiness ({@code /health/ready}) to report this application's
 * checks UP, instead of retrying MCP {@code initialize} while the WAR deploys. Payara answers
 * readiness before the WAR's checks exist, so an answer without them is not ready.
 */
public final class ReadinessProbe {

    /** The readiness checks the WAR registers (observability package). */
    public static final Set<String> CHECKS = Set.of("cache-store", "graph", "mcp-endpoint");

    private ReadinessProbe() {}

    /** Polls {@code http://127.0.0.1:port/health/ready} until ready; fails when {@code process} dies or time runs out. */
    public static void await(int port, Process process, Duration timeout, String logHint) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new AssertionError("Payara Micro exited with " + process.exitValue() + "; see " + logHint);
            }
            try {
                HttpResponse<String> response = http.send(probe, HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200 && upChecks(response.body()).containsAll(CHECKS)) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Not ready within " + timeout + " (last: " + last + "); see " + logHint);
    }

    /** The names of the checks reported UP in a health answer. */
    static Set<String> upChecks(String body) throws IOException {
        Set<String> up = new TreeSet<>();
        for (JsonNode check : new ObjectMapper().readTree(body).path("checks")) {
            if ("UP".equals(check.path("status").asText())) {
                up.add(check.path("name").asText());
            }
        }
        return up;
    }
}
