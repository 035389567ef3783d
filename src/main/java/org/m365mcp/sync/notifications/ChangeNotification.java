package org.m365mcp.sync.notifications;

/**
 * One item of a notification POST, as Graph's {@code changeNotification} (only the fields this server
 * reads): a change ({@code changeType}) or a lifecycle event ({@code lifecycleEvent}), never both.
 *
 * <p>{@code clientState} is a secret: never logged; {@link #toString()} leaves it out.
 *
 * @param subscriptionId the subscription it claims to come from
 * @param clientState the secret it presents, or null
 * @param changeType {@code created}, {@code updated} or {@code deleted}; null for a lifecycle event
 * @param lifecycleEvent {@code reauthorizationRequired}, {@code subscriptionRemoved} or {@code missed};
 *     null for a change
 * @param id Graph's optional unique notification id, or null
 */
record ChangeNotification(
        String subscriptionId, String clientState, String changeType, String lifecycleEvent, String id) {

    boolean isLifecycle() {
        return lifecycleEvent != null;
    }

    @Override
    public String toString() {
        return "notification of " + subscriptionId + " (" + (isLifecycle() ? lifecycleEvent : changeType) + ")";
    }
}
