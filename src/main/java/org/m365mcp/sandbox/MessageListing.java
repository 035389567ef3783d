package org.m365mcp.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Answers {@code GET …/mailFolders/{id}/messages} for one mailbox: the control behind the REST
 * resource, in plain Java so it is testable without a container.
 *
 * <ul>
 *   <li>An unknown folder is Graph's 404 {@code ErrorItemNotFound} ({@link SandboxGraphException}).
 *   <li>{@code serviceRoot} is the sandbox's {@code …/v1.0} URL; {@code requestUri} the absolute URI
 *       of the request, from which the next link is built.
 * </ul>
 */
final class MessageListing {

    private MessageListing() {
    }

    static ObjectNode list(Mailbox mailbox, String folderRef, ODataQuery query, URI serviceRoot, URI requestUri) {
        MessageJson.requireKnown(query.select());
        MailFolder folder = mailbox.folder(folderRef).orElseThrow(SandboxGraphException::itemNotFound);
        List<SandboxMessage> messages = mailbox.messages(folder);
        if (!query.newestFirst()) {
            messages = new ArrayList<>(messages);
            Collections.reverse(messages);
        }
        String context = serviceRoot + "/$metadata#users('" + mailbox.userId() + "')/mailFolders('"
                + folderRef + "')/messages" + (query.select().isEmpty() ? "" : "(" + String.join(",", query.select()) + ")");
        return ODataPage.of(messages, query, context, requestUri,
                m -> MessageJson.select(MessageJson.render(m), query.select()));
    }
}
