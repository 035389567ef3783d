package org.m365mcp.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.m365mcp.sandbox.calendar.CalendarStore;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Recipient;
import org.m365mcp.sandbox.contacts.AddressBook;
import org.m365mcp.sandbox.delta.AccountChanges;
import org.m365mcp.sandbox.drive.Drive;
import org.m365mcp.sandbox.mail.Mailbox;

/**
 * One user of the sandbox tenant: who they are, the token that signs them in, their data, and the
 * log of its changes (delta queries, change notifications).
 *
 * <ul>
 *   <li>Each store is thread-safe on its own; nothing here is shared between accounts.
 * </ul>
 */
public record SandboxAccount(
        String accountId,
        String token,
        Recipient owner,
        String jobTitle,
        Mailbox mailbox,
        CalendarStore calendar,
        AddressBook contacts,
        Drive drive,
        AccountChanges changes) {

    public SandboxAccount {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(contacts, "contacts");
        Objects.requireNonNull(drive, "drive");
        Objects.requireNonNull(changes, "changes");
    }

    /** Graph's user object id (a GUID). */
    public String userId() {
        return mailbox.userId();
    }

    /** True when {@code ref} is the account id, the user's GUID or their address (any case). */
    public boolean isAddressedBy(String ref) {
        return accountId.equals(ref)
                || userId().equalsIgnoreCase(ref)
                || owner.address().equalsIgnoreCase(ref);
    }

    /** Graph's {@code user} JSON as {@code GET /me} returns it. */
    public ObjectNode userJson() {
        ObjectNode node = Json.object();
        node.putArray("businessPhones").add("+1 425 555 01" + (10 + Math.floorMod(accountId.hashCode(), 80)));
        node.put("displayName", owner.name());
        node.put("givenName", owner.firstName());
        node.put("jobTitle", jobTitle);
        node.put("mail", owner.address());
        node.putNull("mobilePhone");
        node.put("officeLocation", "18/2111");
        node.put("preferredLanguage", "en-US");
        node.put("surname", owner.name().substring(owner.name().indexOf(' ') + 1));
        node.put("userPrincipalName", owner.address());
        node.put("id", userId());
        return node;
    }
}
