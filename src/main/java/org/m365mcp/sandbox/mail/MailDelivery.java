package org.m365mcp.sandbox.mail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.m365mcp.sandbox.common.Recipient;

/**
 * Hands a sent message to the tenant's other mailboxes, so that mail between the demo accounts
 * arrives as it would in Exchange; addresses outside the tenant's accounts are dropped.
 *
 * <p>Implementations must be thread-safe and must not be called while holding the sender's mailbox.
 */
@FunctionalInterface
public interface MailDelivery {

    /** Nobody to deliver to: a mailbox on its own. */
    MailDelivery NONE = (message, to) -> {};

    void deliver(ObjectNode sent, Recipient to);
}
