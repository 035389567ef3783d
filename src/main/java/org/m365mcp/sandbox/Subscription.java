package org.m365mcp.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.m365mcp.sandbox.common.Json;

/**
 * One change notification subscription, immutable; a renewal or a new notification URL is a new value.
 *
 * @param lifecycleNotificationUrl where lifecycle notifications go, or {@code null} for none
 * @param clientState              echoed in every notification, or {@code null}
 */
record Subscription(
        String id,
        String accountId,
        String resource,
        SubscribedResource target,
        Set<String> changeTypes,
        String notificationUrl,
        String lifecycleNotificationUrl,
        String clientState,
        Instant expiration,
        String creatorId,
        String applicationId) {

    Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(target, "target");
        changeTypes = Set.copyOf(changeTypes);
        Objects.requireNonNull(notificationUrl, "notificationUrl");
        Objects.requireNonNull(expiration, "expiration");
    }

    Subscription withExpiration(Instant newExpiration) {
        return new Subscription(
                id,
                accountId,
                resource,
                target,
                changeTypes,
                notificationUrl,
                lifecycleNotificationUrl,
                clientState,
                newExpiration,
                creatorId,
                applicationId);
    }

    Subscription withNotificationUrl(String url) {
        return new Subscription(
                id,
                accountId,
                resource,
                target,
                changeTypes,
                url,
                lifecycleNotificationUrl,
                clientState,
                expiration,
                creatorId,
                applicationId);
    }

    /** Graph's {@code subscription} JSON, properties in the order Graph's example answers them. */
    ObjectNode json() {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("resource", resource);
        node.put("applicationId", applicationId);
        node.put("changeType", String.join(",", changeTypes.stream().sorted().toList()));
        if (clientState == null) {
            node.putNull("clientState");
        } else {
            node.put("clientState", clientState);
        }
        node.put("notificationUrl", notificationUrl);
        if (lifecycleNotificationUrl == null) {
            node.putNull("lifecycleNotificationUrl");
        } else {
            node.put("lifecycleNotificationUrl", lifecycleNotificationUrl);
        }
        node.put("expirationDateTime", expiration.toString());
        node.put("creatorId", creatorId);
        node.put("includeResourceData", false);
        node.put("latestSupportedTlsVersion", "v1_2");
        node.putNull("encryptionCertificate");
        node.putNull("encryptionCertificateId");
        node.putNull("notificationQueryOptions");
        node.putNull("notificationUrlAppId");
        return node;
    }
}
