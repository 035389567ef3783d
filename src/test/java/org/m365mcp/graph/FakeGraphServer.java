package org.m365mcp.graph;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on 127.0.0.1 that answers queued canned responses, in order: for what the
 * sandbox cannot do (a non-JSON error body, a dropped connection, a server that is gone, another host).
 */
final class FakeGraphServer implements AutoCloseable {

    /** A canned answer; status {@value #DROP} closes the connection without answering. */
    record Canned(int status, String body, Map<String, String> headers) {}

    record Received(String method, URI uri, String authorization, String accept) {}

    static final int DROP = -1;

    private final HttpServer server;
    private final Deque<Canned> answers = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    FakeGraphServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL a {@link GraphSettings} should use, {@code http://127.0.0.1:port/v1.0}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0");
    }

    FakeGraphServer answer(int status, String body) {
        return answer(status, body, Map.of());
    }

    synchronized FakeGraphServer answer(int status, String body, Map<String, String> headers) {
        answers.add(new Canned(status, body, headers));
        return this;
    }

    /** Closes the connection of the next request without an answer, as a crashed proxy would. */
    FakeGraphServer dropConnection() {
        return answer(DROP, "", Map.of());
    }

    List<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        received.add(new Received(
                exchange.getRequestMethod(),
                exchange.getRequestURI(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Accept")));
        Canned canned;
        synchronized (this) {
            canned = answers.isEmpty() ? new Canned(500, "{}", Map.of()) : answers.poll();
        }
        if (canned.status() == DROP) {
            throw new IOException("dropping the connection"); // the JDK server closes it unanswered
        }
        byte[] body = canned.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        canned.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(canned.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
