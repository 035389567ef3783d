package org.m365mcp.sandbox;

import static org.m365mcp.sandbox.SubscriptionRules.invalid;
import static org.m365mcp.sandbox.SubscriptionRules.text;

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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
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
 *   <li>Delivery is asynchronous on the executor (the server's {@code ManagedExecutorService}), through
 *       {@link NotificationDelivery}: a change only queues its notification, so the request that made it
 *       never waits for a webhook; each POST has Graph's 3-second timeout.
 *   <li>Expired subscriptions are removed when next met (by the tenant's clock).
 *   <li>Thread-safe. Methods are public so CDI's client proxy can always forward them.
 * </ul>
 */
@ApplicationScoped
public class SubscriptionHub {

    private static final Set<String> LIFECYCLE_EVENTS =
            Set.of("reauthorizationRequired", "subscriptionRemoved", "missed");
    private static final String APPLICATION_ID = SandboxIds.guid("sandbox|application");

    @Inject
    SandboxTenant tenant;

    @Resource
    ManagedExecutorService managedExecutor;

    private Webhooks webhooks;
    private NotificationDelivery delivery;
    private Clock clock;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

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
        webhooks = new Webhooks(HttpClient.newBuilder()
                .connectTimeout(Webhooks.DELIVERY_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        delivery = new NotificationDelivery(
                deliveryExecutor,
                webhooks,
                id -> Optional.ofNullable(subscriptions.get(id)).map(Subscription::notificationUrl));
        clock = tenant.clock();
        tenant.accounts().forEach(a -> a.changes().addListener(this::changed));
    }

    // ---- Graph's /subscriptions

    public ObjectNode create(SandboxAccount caller, ObjectNode body) {
        SubscribedResource target = SubscribedResource.parse(
                text(body, "resource"),
                caller::isAddressedBy,
                ref -> caller.mailbox().folderId(ref));
        Set<String> changeTypes = SubscriptionRules.changeTypes(text(body, "changeType"), target);
        URI notificationUrl = Webhooks.acceptable(text(body, "notificationUrl"), "notificationUrl");
        String lifecycleText = body.path("lifecycleNotificationUrl").asText(null);
        URI lifecycleUrl =
                lifecycleText == null ? null : Webhooks.acceptable(lifecycleText, "lifecycleNotificationUrl");
        String clientState = body.path("clientState").asText(null);
        if (clientState != null && clientState.length() > 128) {
            throw invalid("clientState must be at most 128 characters.");
        }
        Instant expiration = SubscriptionRules.expiration(text(body, "expirationDateTime"), target, clock.instant());
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
            subscription = subscription.withExpiration(SubscriptionRules.expiration(
                    body.path("expirationDateTime").asText(), subscription.target(), clock.instant()));
        }
        subscriptions.put(id, subscription);
        return subscription.json();
    }

    public void delete(SandboxAccount caller, String id) {
        subscriptions.remove(find(caller, id).id());
        delivery.forget(id);
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
        delivery.postAlone(subscription.lifecycleNotificationUrl(), notification);
    }

    /** {@code {"subscriptions":[…],"notifications":{"delivered":n,"failed":n,"dropped":n,"pending":n}}}. */
    public ObjectNode state() {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("subscriptions");
        live().forEach(s -> list.add(s.json().put("account", s.accountId())));
        delivery.state(out.putObject("notifications"));
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
                delivery.enqueue(s.id(), notification(s, changeType, recorded));
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

    private static SandboxGraphException notFound() {
        return new SandboxGraphException(404, "ResourceNotFound", "The subscription was not found.");
    }
}
