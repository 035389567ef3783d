package org.m365mcp.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.common.SandboxIds;
import org.m365mcp.sandbox.delta.AccountChanges;
import org.m365mcp.sandbox.delta.ChangeFamily;
import org.m365mcp.sandbox.login.SandboxLogin;

/**
 * The sandbox's change notification subscriptions: create (with the validation handshake), list, get,
 * renew, delete, reauthorize; a notification for every recorded change a subscription covers, whatever
 * made it; lifecycle notifications on demand.
 *
 * <ul>
 *   <li>Delivery is asynchronous on the executor (the server's {@code ManagedExecutorService}): a change
 *       only queues its notification, so the request that made it never waits for a webhook. Each
 *       subscription's queue is drained by one task at a time, up to {@value #BATCH} notifications per
 *       POST ({@code {"value":[…]}}), each POST with Graph's 3-second timeout; a failed POST is counted and
 *       not retried. At most {@value #MAX_PENDING} notifications wait in all; more are dropped and counted.
 *   <li>Expired subscriptions are removed when next met (by the tenant's clock).
 *   <li>Thread-safe. Methods are public so CDI's client proxy can always forward them.
 * </ul>
 */
@ApplicationScoped
public class SubscriptionHub {

    static final int BATCH = 100;
    static final int MAX_PENDING = 10_000;
    /** Graph raises an expiration under 45 minutes from now to 45 minutes. */
    static final Duration MIN_LIFETIME = Duration.ofMinutes(45);

    private static final Set<String> LIFECYCLE_EVENTS =
            Set.of("reauthorizationRequired", "subscriptionRemoved", "missed");
    private static final String APPLICATION_ID = SandboxIds.guid("sandbox|application");

    @Inject
    SandboxTenant tenant;

    @Resource
    ManagedExecutorService managedExecutor;

    private ExecutorService executor;
    private Webhooks webhooks;
    private Clock clock;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Queue<ObjectNode>> queues = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> draining = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /** For CDI. */
    protected SubscriptionHub() {}

    /** A hub outside CDI (the tests' in-process sandbox), delivering on {@code executor}. */
    public SubscriptionHub(SandboxTenant tenant, ExecutorService executor) {
        this.tenant = tenant;
        start(executor);
    }

    @PostConstruct
    void start() {
        start(managedExecutor);
    }

    private void start(ExecutorService deliveryExecutor) {
        executor = deliveryExecutor;
        webhooks = new Webhooks(HttpClient.newBuilder()
                .connectTimeout(Webhooks.DELIVERY_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        clock = tenant.clock();
        tenant.accounts().forEach(a -> a.changes().addListener(this::changed));
    }

    // ---- Graph's /subscriptions

    public ObjectNode create(SandboxAccount caller, ObjectNode body) {
        SubscribedResource target = SubscribedResource.parse(
                text(body, "resource"),
                caller::isAddressedBy,
                ref -> caller.mailbox().folderId(ref));
        Set<String> changeTypes = changeTypes(text(body, "changeType"), target);
        URI notificationUrl = Webhooks.acceptable(text(body, "notificationUrl"), "notificationUrl");
        String lifecycleText = body.path("lifecycleNotificationUrl").asText(null);
        URI lifecycleUrl =
                lifecycleText == null ? null : Webhooks.acceptable(lifecycleText, "lifecycleNotificationUrl");
        String clientState = body.path("clientState").asText(null);
        if (clientState != null && clientState.length() > 128) {
            throw invalid("clientState must be at most 128 characters.");
        }
        Instant expiration = expiration(text(body, "expirationDateTime"), target);
        webhooks.validate(notificationUrl);
        if (lifecycleUrl != null) {
            webhooks.validate(lifecycleUrl);
        }
        Subscription subscription = new Subscription(
                UUID.randomUUID().toString(),
                caller.accountId(),
                body.path("resource").asText(),
                target,
                changeTypes,
                notificationUrl.toString(),
                lifecycleUrl == null ? null : lifecycleUrl.toString(),
                clientState,
                expiration,
                caller.userId(),
                APPLICATION_ID);
        subscriptions.put(subscription.id(), subscription);
        return subscription.json();
    }

    public List<ObjectNode> list(SandboxAccount caller) {
        return live().stream()
                .filter(s -> s.accountId().equals(caller.accountId()))
                .map(Subscription::json)
                .toList();
    }

    public ObjectNode get(SandboxAccount caller, String id) {
        return find(caller, id).json();
    }

    /** PATCH: a new {@code expirationDateTime} (renewal) and/or {@code notificationUrl} (validated again). */
    public ObjectNode update(SandboxAccount caller, String id, ObjectNode body) {
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("expirationDateTime") && !name.equals("notificationUrl") && !name.startsWith("@odata")) {
                throw invalid("Only expirationDateTime and notificationUrl can be updated.");
            }
        });
        Subscription subscription = find(caller, id);
        if (body.has("notificationUrl")) {
            URI url = Webhooks.acceptable(body.path("notificationUrl").asText(), "notificationUrl");
            webhooks.validate(url);
            subscription = subscription.withNotificationUrl(url.toString());
        }
        if (body.has("expirationDateTime")) {
            subscription = subscription.withExpiration(
                    expiration(body.path("expirationDateTime").asText(), subscription.target()));
        }
        subscriptions.put(id, subscription);
        return subscription.json();
    }

    public void delete(SandboxAccount caller, String id) {
        subscriptions.remove(find(caller, id).id());
        queues.remove(id);
    }

    /** POST {id}/reauthorize: nothing to do but to say yes, the sandbox never withholds notifications. */
    public void reauthorize(SandboxAccount caller, String id) {
        find(caller, id);
    }

    // ---- admin

    /**
     * Sends lifecycle notification {@code event} for subscription {@code id} to its
     * lifecycleNotificationUrl (asynchronously); {@code subscriptionRemoved} also removes it.
     */
    public void lifecycle(String id, String event) {
        if (!LIFECYCLE_EVENTS.contains(event)) {
            throw SandboxGraphException.badRequest(
                    "lifecycleEvent must be reauthorizationRequired, subscriptionRemoved" + " or missed.");
        }
        Subscription subscription =
                live().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(SubscriptionHub::notFound);
        if (subscription.lifecycleNotificationUrl() == null) {
            throw SandboxGraphException.badRequest("The subscription has no lifecycleNotificationUrl.");
        }
        ObjectNode notification = base(subscription).put("lifecycleEvent", event);
        if (event.equals("subscriptionRemoved")) {
            subscriptions.remove(id);
        }
        String body = collection(List.of(notification));
        submit(() -> count(webhooks.post(subscription.lifecycleNotificationUrl(), body)));
    }

    /** {@code {"subscriptions":[…],"notifications":{"delivered":n,"failed":n,"dropped":n,"pending":n}}}. */
    public ObjectNode state() {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("subscriptions");
        live().forEach(s -> list.add(s.json().put("account", s.accountId())));
        out.putObject("notifications")
                .put("delivered", delivered.get())
                .put("failed", failed.get())
                .put("dropped", dropped.get())
                .put("pending", pending.get());
        return out;
    }

    // ---- delivery

    private void changed(AccountChanges.Recorded recorded) {
        for (Subscription s : live()) {
            SubscribedResource target = s.target();
            String changeType = target.family() == ChangeFamily.DRIVE_ITEM
                    ? "updated"
                    : recorded.change().kind().graphName();
            if (s.accountId().equals(recorded.accountId())
                    && target.family() == recorded.family()
                    && (target.container() == null
                            || target.container().equals(recorded.change().container()))
                    && s.changeTypes().contains(changeType)) {
                enqueue(s, notification(s, changeType, recorded));
            }
        }
    }

    private ObjectNode notification(Subscription s, String changeType, AccountChanges.Recorded recorded) {
        ObjectNode n = base(s).put("changeType", changeType);
        String set = s.target().entitySet();
        if (set == null) {
            n.put("resource", s.resource());
            return n;
        }
        String userId =
                tenant.account(s.accountId()).map(SandboxAccount::userId).orElse(s.accountId());
        String path = "Users/" + userId + "/" + set + "/" + recorded.change().itemId();
        n.put("resource", path);
        n.putObject("resourceData")
                .put("@odata.type", "#Microsoft.Graph." + set.substring(0, set.length() - 1))
                .put("@odata.id", path)
                .put("id", recorded.change().itemId());
        return n;
    }

    private ObjectNode base(Subscription s) {
        ObjectNode n = Json.object();
        n.put("subscriptionId", s.id());
        n.put("subscriptionExpirationDateTime", s.expiration().toString());
        if (s.clientState() == null) {
            n.putNull("clientState");
        } else {
            n.put("clientState", s.clientState());
        }
        n.put("tenantId", SandboxLogin.TENANT_ID);
        return n;
    }

    private void enqueue(Subscription s, ObjectNode notification) {
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        queues.computeIfAbsent(s.id(), id -> new ConcurrentLinkedQueue<>()).add(notification);
        AtomicBoolean flag = draining.computeIfAbsent(s.id(), id -> new AtomicBoolean());
        if (flag.compareAndSet(false, true)) {
            if (!submit(() -> drain(s.id(), flag))) {
                flag.set(false);
            }
        }
    }

    private void drain(String id, AtomicBoolean flag) {
        Queue<ObjectNode> queue = queues.getOrDefault(id, new ConcurrentLinkedQueue<>());
        try {
            while (!queue.isEmpty()) {
                List<ObjectNode> batch = new java.util.ArrayList<>();
                for (ObjectNode n = queue.poll(); n != null; n = batch.size() < BATCH ? queue.poll() : null) {
                    batch.add(n);
                }
                pending.addAndGet(-batch.size());
                Subscription s = subscriptions.get(id);
                if (s != null && !batch.isEmpty()) {
                    count(webhooks.post(s.notificationUrl(), collection(batch)));
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

    // ---- helpers

    private List<Subscription> live() {
        Instant now = clock.instant();
        subscriptions.values().removeIf(s -> !s.expiration().isAfter(now));
        return List.copyOf(subscriptions.values());
    }

    private Subscription find(SandboxAccount caller, String id) {
        return live().stream()
                .filter(s -> s.id().equals(id) && s.accountId().equals(caller.accountId()))
                .findFirst()
                .orElseThrow(SubscriptionHub::notFound);
    }

    private Instant expiration(String text, SubscribedResource target) {
        Instant requested;
        try {
            requested = Json.parseInstant(text.trim());
        } catch (SandboxGraphException e) {
            throw invalid("expirationDateTime '" + text + "' is not a valid date-time.");
        }
        Instant now = clock.instant();
        if (requested.isAfter(now.plus(target.maxLifetime()))) {
            throw invalid("Subscription expiration can only be "
                    + target.maxLifetime().toMinutes() + " minutes in the future.");
        }
        Instant earliest = now.plus(MIN_LIFETIME);
        return requested.isBefore(earliest) ? earliest : requested;
    }

    private static Set<String> changeTypes(String text, SubscribedResource target) {
        Set<String> types = new LinkedHashSet<>();
        Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .forEach(types::add);
        if (types.isEmpty() || !target.allowedChangeTypes().containsAll(types)) {
            throw invalid("changeType must be a comma-separated list of "
                    + String.join(
                            ", ", target.allowedChangeTypes().stream().sorted().toList()) + " for this resource.");
        }
        return types;
    }

    private static String text(JsonNode body, String property) {
        JsonNode value = body.path(property);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw invalid("The '" + property + "' property is required.");
        }
        return value.asText();
    }

    private static SandboxGraphException invalid(String message) {
        return new SandboxGraphException(400, "InvalidRequest", message);
    }

    private static SandboxGraphException notFound() {
        return new SandboxGraphException(404, "ResourceNotFound", "The subscription was not found.");
    }
}
