package org.m365mcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A webhook on a loopback port, as a client of Graph's change notifications runs one: answers the
 * validation handshake (200, text/plain, the token) unless told to refuse it, and keeps every
 * notification it receives, by path.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One POST the receiver got: its path and JSON body. */
    public record Received(String path, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> notifications = new CopyOnWriteArrayList<>();
    private final List<String> validations = new CopyOnWriteArrayList<>();
    private volatile boolean validating = true;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:port{path}} */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** From now on the handshake is answered 200 with the wrong body. */
    public void refuseValidation() {
        validating = false;
    }

    public List<String> validations() {
        return validations;
    }

    /** Waits up to 5 s for a notification that {@code wanted} accepts. */
    public Received await(Predicate<Received> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (Received r : notifications) {
                if (wanted.test(r)) {
                    return r;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such notification among " + notifications);
    }

    public List<Received> notifications() {
        return notifications;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (query != null && query.startsWith("validationToken=")) {
            String token = URLDecoder.decode(query.substring("validationToken=".length()), StandardCharsets.UTF_8);
            validations.add(exchange.getRequestURI().getPath());
            byte[] answer = (validating ? token : "not the token").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        } else {
            notifications.add(new Received(exchange.getRequestURI().getPath(), JSON.readTree(body)));
            exchange.sendResponseHeaders(202, -1);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
