package org.m365mcp.sync.notifications;

import java.util.Locale;

/** Why a webhook POST or one of its notifications was ignored (answered 202 all the same). */
public enum Rejection {
    /** The clientState is not the subscription's. */
    CLIENT_STATE,
    /** No subscription of this server has that id (or it expired). */
    UNKNOWN_SUBSCRIPTION,
    /** Not Graph's notification shape. */
    MALFORMED,
    /** A notification id seen before. */
    REPLAY,
    /** The body is over {@code m365.mcp.notifications.max-body-bytes}. */
    TOO_LARGE,
    /** More webhook POSTs in hand at once than {@code m365.mcp.notifications.max-concurrent}, or the lifecycle queue full. */
    OVERLOADED;

    /** The metric tag, e.g. {@code client_state}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
