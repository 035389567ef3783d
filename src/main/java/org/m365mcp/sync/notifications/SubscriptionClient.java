package org.m365mcp.sync.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;

/**
 * Graph's {@code /subscriptions} as this server uses them: create (Graph runs the validation handshake
 * against both URLs before it answers), renew, reauthorize, delete.
 *
 * <ul>
 *   <li>Every failure is a {@link GraphException} (as {@link GraphClient} throws it, or for an answer
 *       without an id or expiration). Thread-safe.
 * </ul>
 */
final class SubscriptionClient {

    private final GraphClient graph;

    SubscriptionClient(GraphClient graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /** Creates {@code accountId}'s subscription to {@code resource} with {@code clientState}. */
    ActiveSubscription create(
            String accountId, SubscriptionTarget resource, WebhookUrls urls, String clientState, Instant expiration) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("changeType", resource.changeTypes());
        body.put("notificationUrl", urls.changes().toString());
        body.put("lifecycleNotificationUrl", urls.lifecycle().toString());
        body.put("resource", resource.path());
        body.put("expirationDateTime", expiration.toString());
        body.put("clientState", clientState);
        JsonNode created = graph.post(accountId, "/subscriptions", body);
        String id = created.path("id").asText("");
        if (id.isBlank()) {
            throw new GraphException(502, "invalidResponse", "Graph created a subscription without an id");
        }
        return new ActiveSubscription(id, accountId, resource, clientState, expirationOf(created, expiration));
    }

    /** Asks for {@code expiration}; the subscription with the expiration Graph granted. */
    ActiveSubscription renew(ActiveSubscription subscription, Instant expiration) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("expirationDateTime", expiration.toString());
        JsonNode renewed = graph.patch(subscription.accountId(), path(subscription), body);
        return subscription.withExpiration(expirationOf(renewed, expiration));
    }

    /** Answers a {@code reauthorizationRequired} challenge. */
    void reauthorize(ActiveSubscription subscription) {
        graph.post(subscription.accountId(), path(subscription) + "/reauthorize", null);
    }

    void delete(ActiveSubscription subscription) {
        graph.delete(subscription.accountId(), path(subscription));
    }

    private static String path(ActiveSubscription subscription) {
        return "/subscriptions/" + subscription.id(); // GraphClient percent-encodes the path
    }

    private static Instant expirationOf(JsonNode answer, Instant asked) {
        String granted = answer.path("expirationDateTime").asText("");
        try {
            return granted.isBlank() ? asked : OffsetDateTime.parse(granted).toInstant();
        } catch (DateTimeParseException e) {
            return asked;
        }
    }
}
