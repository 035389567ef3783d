package org.m365mcp.sync.notifications;

/** A webhook body that is not one of Graph's notification shapes; its message says why (no body content). */
final class MalformedNotification extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedNotification(String message) {
        super(message, null, false, false);
    }
}
