package org.m365mcp.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.m365mcp.sandbox.common.Json;

/**
 * How {@link SubscriptionHub}'s notifications reach their webhooks: queued per subscription, so the
 * change that made one never waits; each queue drained by one task at a time on the executor, up to
 * {@value #BATCH} notifications per POST ({@code {"value":[…]}}); a failed POST counted, not retried; at
 * most {@value #MAX_PENDING} waiting in all, more dropped and counted. Thread-safe.
 */
final class NotificationDelivery {

    static final int BATCH = 100;
    static final int MAX_PENDING = 10_000;

    private final ExecutorService executor;
    private final Webhooks webhooks;
    private final Function<String, Optional<String>> notificationUrl;
    private final Map<String, Queue<ObjectNode>> queues = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> draining = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param notificationUrl where a subscription's notifications go when its queue is drained; empty once
     *                        it is gone (its queued notifications are then dropped)
     */
    NotificationDelivery(
            ExecutorService executor, Webhooks webhooks, Function<String, Optional<String>> notificationUrl) {
        this.executor = executor;
        this.webhooks = webhooks;
        this.notificationUrl = notificationUrl;
    }

    /** Queues {@code notification} for subscription {@code id} and makes sure its queue is being drained. */
    void enqueue(String id, ObjectNode notification) {
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        queues.computeIfAbsent(id, key -> new ConcurrentLinkedQueue<>()).add(notification);
        AtomicBoolean flag = draining.computeIfAbsent(id, key -> new AtomicBoolean());
        if (flag.compareAndSet(false, true) && !submit(() -> drain(id, flag))) {
            flag.set(false);
        }
    }

    /** Posts {@code notification} to {@code url} on its own, past the queues (a lifecycle notification). */
    void postAlone(String url, ObjectNode notification) {
        String body = collection(List.of(notification));
        submit(() -> count(webhooks.post(url, body)));
    }

    /** Forgets what waits for subscription {@code id} (deleted). */
    void forget(String id) {
        Queue<ObjectNode> queue = queues.remove(id);
        if (queue != null) {
            pending.addAndGet(-queue.size());
        }
    }

    /** {@code {"delivered":n,"failed":n,"dropped":n,"pending":n}} into {@code out}. */
    void state(ObjectNode out) {
        out.put("delivered", delivered.get())
                .put("failed", failed.get())
                .put("dropped", dropped.get())
                .put("pending", pending.get());
    }

    private void drain(String id, AtomicBoolean flag) {
        Queue<ObjectNode> queue = queues.getOrDefault(id, new ConcurrentLinkedQueue<>());
        try {
            while (!queue.isEmpty()) {
                List<ObjectNode> batch = new ArrayList<>();
                for (ObjectNode n = queue.poll(); n != null; n = batch.size() < BATCH ? queue.poll() : null) {
                    batch.add(n);
                }
                pending.addAndGet(-batch.size());
                Optional<String> url = notificationUrl.apply(id);
                if (url.isPresent() && !batch.isEmpty()) {
                    count(webhooks.post(url.get(), collection(batch)));
                }
            }
        } finally {
            flag.set(false);
        }
        if (!queue.isEmpty() && flag.compareAndSet(false, true) && !submit(() -> drain(id, flag))) {
            flag.set(false);
        }
    }

    private boolean submit(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            dropped.incrementAndGet();
            return false;
        }
    }

    private void count(boolean ok) {
        (ok ? delivered : failed).incrementAndGet();
    }

    private static String collection(List<ObjectNode> notifications) {
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        notifications.forEach(value::add);
        return body.toString();
    }
}
