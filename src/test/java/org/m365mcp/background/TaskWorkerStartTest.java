package org.m365mcp.background;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mcp.cache.key.CacheKey;
import org.m365mcp.cache.lifecycle.EncryptedStore;
import org.m365mcp.cache.store.CacheStore;
import org.m365mcp.cache.store.LiveStore;
import org.m365mcp.cache.store.StoreSettings;
import org.m365mcp.cache.store.TaskRecord;

/**
 * The worker's start against a real HTTP server on loopback playing this application while Payara
 * has not routed requests to it yet (404, then 500), and a real SQLCipher store holding one task.
 */
class TaskWorkerStartTest {

    private static final long NOT_SERVED_MILLIS = 1_500;

    @TempDir
    Path dir;

    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2);
    private final TaskWorker worker = new TaskWorker();
    private HttpServer server;
    private LiveStore store;

    @AfterEach
    void stop() {
        worker.stop();
        threads.shutdownNow();
        if (server != null) {
            server.stop(0);
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void start_appNotServedYet_firstClaimOnlyOnceItIsServed() throws Exception {
        AtomicReference<Instant> servedAt = new AtomicReference<>();
        Instant notServedUntil = Instant.now().plusMillis(NOT_SERVED_MILLIS);
        int port = answering(() -> {
            Instant now = Instant.now();
            if (now.isBefore(notServedUntil)) {
                return now.isBefore(notServedUntil.minusMillis(NOT_SERVED_MILLIS / 2)) ? 404 : 500;
            }
            servedAt.compareAndSet(null, now);
            return 200;
        });
        CompletableFuture<Instant> claimed = new CompletableFuture<>();
        worker(port).start(List.of(handler(claimed)), "/app");

        Instant claim = claimed.get(10, TimeUnit.SECONDS);

        assertThat(claim).as("the first claim").isAfterOrEqualTo(notServedUntil);
        assertThat(servedAt.get())
                .as("the probe saw the application served")
                .isNotNull()
                .isBeforeOrEqualTo(claim);
    }

    @Test
    void start_appServedThroughout_claimsWithoutWaitingForMore() throws Exception {
        int port = answering(() -> 200);
        CompletableFuture<Instant> claimed = new CompletableFuture<>();
        Instant started = Instant.now();
        worker(port).start(List.of(handler(claimed)), "/app");

        assertThat(claimed.get(10, TimeUnit.SECONDS)).isBefore(started.plusSeconds(2));
    }

    /** A worker polling every 200 ms from start-up on, over a store holding one task of type {@code probe}. */
    private TaskWorker worker(int port) {
        CacheStore opened = CacheStore.open(
                StoreSettings.defaults(dir.resolve("cache.db")),
                CacheKey.of("task-worker-start-test-key-0123456789"),
                Clock.systemUTC());
        opened.tasks().enqueue("account-1", "probe", "email_list", "{}", null, 5);
        store = LiveStore.of(opened);
        worker.encryptedStore = new EncryptedStore() {
            @Override
            public Optional<LiveStore> store() {
                return Optional.of(store);
            }
        };
        worker.settings = new BackgroundSettings();
        worker.settings.startDelay = "0s";
        worker.settings.pollInterval = "200ms";
        worker.serving = ServingProbes.at("127.0.0.1", port);
        worker.clock = Clock.systemUTC();
        worker.executor = managed(threads);
        return worker;
    }

    private static TaskHandler handler(CompletableFuture<Instant> claimed) {
        return new TaskHandler() {
            @Override
            public String taskType() {
                return "probe";
            }

            @Override
            public String run(TaskRecord task) {
                claimed.complete(Instant.now());
                return "{}";
            }
        };
    }

    private int answering(java.util.function.IntSupplier status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(status.getAsInt(), -1);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    /** A plain scheduled executor as the container's managed one (the worker uses only its JDK methods). */
    private static ManagedScheduledExecutorService managed(ScheduledExecutorService executor) {
        return (ManagedScheduledExecutorService) Proxy.newProxyInstance(
                TaskWorkerStartTest.class.getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class},
                (proxy, method, args) -> {
                    try {
                        return method.invoke(executor, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
