package org.m365mcp.background;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ServingProbe against a real HTTP server on loopback that plays a deploying application. */
class ServingProbeTest {

    private HttpServer server;
    private final List<String> paths = new ArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void awaitServing_500sThenTheConsolePage_trueOnceItAnswers() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        ServingProbe probe = probeOf(answering(() -> calls.incrementAndGet() <= 2 ? 500 : 200));

        assertThat(probe.awaitServing("/app", Duration.ofSeconds(10))).isTrue();

        assertThat(calls).hasValue(3);
        assertThat(paths).containsOnly("/app/console/");
    }

    @Test
    void awaitServing_aStricterHostRule421_countsAsServed() throws IOException {
        ServingProbe probe = probeOf(answering(() -> 421));

        assertThat(probe.awaitServing("", Duration.ofSeconds(10))).isTrue();
        assertThat(paths).containsExactly("/console/");
    }

    @Test
    void awaitServing_404Throughout_falseAfterTheTimeout() throws IOException {
        ServingProbe probe = probeOf(answering(() -> 404));

        assertThat(probe.awaitServing("/app", Duration.ofMillis(600))).isFalse();
        assertThat(paths.size()).isBetween(1, 5);
    }

    @Test
    void authority_wildcardAndIpv6Binds_loopbackAndBracketedLiteral() {
        assertThat(probeOf("0.0.0.0", 8080).authority()).isEqualTo("127.0.0.1:8080");
        assertThat(probeOf("::", 8080).authority()).isEqualTo("127.0.0.1:8080");
        assertThat(probeOf("::1", 8080).authority()).isEqualTo("[::1]:8080");
        assertThat(probeOf("[::1]", 8080).authority()).isEqualTo("[::1]:8080");
        assertThat(probeOf("localhost", 8080).authority()).isEqualTo("localhost:8080");
    }

    private int answering(java.util.function.IntSupplier status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            synchronized (paths) {
                paths.add(exchange.getRequestURI().getPath());
            }
            exchange.sendResponseHeaders(status.getAsInt(), -1);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    private static ServingProbe probeOf(int port) {
        return probeOf("127.0.0.1", port);
    }

    private static ServingProbe probeOf(String host, int port) {
        return ServingProbes.at(host, port);
    }
}
