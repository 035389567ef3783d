package org.m365mcp.sandbox.mail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.delta.Change;
import org.m365mcp.sandbox.delta.ChangeLog;
import org.m365mcp.sandbox.delta.DeltaQuery;
import org.m365mcp.sandbox.delta.DeltaSource;

/**
 * {@code /me/mailFolders/{id}/messages/delta} (message-delta.md): the messages of one folder; a message
 * moved out (a new id elsewhere, as Exchange does) or deleted shows as {@code @removed}.
 *
 * <ul>
 *   <li>Options: {@code $select}, {@code $top}, {@code changeType} (created, updated, deleted), and only
 *       the documented {@code $filter=receivedDateTime ge|gt {value}} and
 *       {@code $orderby=receivedDateTime desc}; any other filter or order is 400.
 * </ul>
 */
public final class MessagesDelta implements DeltaSource {

    /** The query options a first request may carry. */
    public static final Set<String> OPTIONS = Set.of("$select", "$top", "$filter", "$orderby", "changeType");

    private static final Pattern FILTER =
            Pattern.compile("receivedDateTime\\s+(ge|gt)\\s+(\\S+)", Pattern.CASE_INSENSITIVE);

    private final Mailbox mailbox;
    private final MailFolder folder;
    private final ChangeLog log;
    private final Instant since;
    private final boolean sinceInclusive;
    private final boolean newestFirst;

    private MessagesDelta(Mailbox mailbox, MailFolder folder, ChangeLog log, Map<String, String> options) {
        this.mailbox = mailbox;
        this.folder = folder;
        this.log = log;
        String filter = options.get("$filter");
        if (filter != null) {
            Matcher m = FILTER.matcher(filter.trim());
            if (!m.matches()) {
                throw SandboxGraphException.badRequest(
                        "Delta on messages takes only $filter=receivedDateTime ge|gt {value}.");
            }
            since = Json.parseInstant(m.group(2));
            sinceInclusive = m.group(1).equalsIgnoreCase("ge");
        } else {
            since = null;
            sinceInclusive = true;
        }
        String order = options.get("$orderby");
        if (order != null && !order.trim().replaceAll("\\s+", " ").equalsIgnoreCase("receivedDateTime desc")) {
            throw SandboxGraphException.badRequest("Delta on messages takes only $orderby=receivedDateTime desc.");
        }
        newestFirst = order != null;
        String changeType = options.get("changeType");
        if (changeType != null && !Set.of("created", "updated", "deleted").contains(changeType)) {
            throw SandboxGraphException.badRequest("changeType must be created, updated or deleted.");
        }
    }

    /** The delta of folder {@code folderRef}'s messages for a round with {@code options}. */
    public static MessagesDelta of(Mailbox mailbox, String folderRef, ChangeLog log, Map<String, String> options) {
        return new MessagesDelta(mailbox, mailbox.requireFolder(folderRef), log, options);
    }

    @Override
    public String resource() {
        return "messages/" + folder.id();
    }

    @Override
    public ChangeLog log() {
        return log;
    }

    @Override
    public String container() {
        return folder.id();
    }

    @Override
    public List<String> currentIds() {
        return mailbox.messages(folder).stream()
                .filter(this::matches)
                .map(m -> m.path("id").asText())
                .toList();
    }

    @Override
    public String orderKey(String id) {
        if (!newestFirst) {
            return id;
        }
        long received = Json.parseInstant(
                        mailbox.message(id).path("receivedDateTime").asText())
                .toEpochMilli();
        return String.format("%019d", Long.MAX_VALUE - received) + id;
    }

    @Override
    public Optional<ObjectNode> render(String id) {
        return mailbox.findMessage(id)
                .filter(m -> m.path("parentFolderId").asText().equals(folder.id()))
                .filter(this::matches);
    }

    @Override
    public ObjectNode removed(Change last) {
        return DeltaQuery.removedOutlookItem("message", last.itemId());
    }

    private boolean matches(ObjectNode message) {
        if (since == null) {
            return true;
        }
        Instant received = Json.parseInstant(message.path("receivedDateTime").asText());
        return sinceInclusive ? !received.isBefore(since) : received.isAfter(since);
    }
}
