package org.m365mcp.sandbox.mail;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Responses;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.odata.ODataListing;

/**
 * Graph's mail folders: {@code /me/mailFolders} (top level) or {@code …/{id}/childFolders}, each
 * with list, create, get, PATCH (rename), move, delete, and the folder's {@code messages} and, for
 * the inbox, {@code messageRules}.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class MailFoldersResource {

    private final Mailbox mailbox;
    private final GraphRequest request;
    private final String parentRef;
    private final MailFolderActions actions;

    /** {@code parentRef} is the folder whose {@code childFolders} this is, or {@code null} for the top level. */
    public MailFoldersResource(Mailbox mailbox, GraphRequest request, String parentRef) {
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
        this.request = Objects.requireNonNull(request, "request");
        this.parentRef = parentRef;
        this.actions = new MailFolderActions(mailbox);
    }

    @GET
    public Response list() {
        synchronized (mailbox) {
            MailFolder parent = parentRef == null ? mailbox.root() : mailbox.requireFolder(parentRef);
            String context = "users('" + mailbox.userId() + "')/mailFolders"
                    + (parentRef == null ? "" : "('" + parentRef + "')/childFolders");
            return Responses.ok(new ODataListing("mailFolder", context, 10, null)
                    .page(
                            mailbox.childFolders(parent.id()).stream()
                                    .map(mailbox::folderJson)
                                    .toList(),
                            request));
        }
    }

    @POST
    public Response create(String body) {
        return Responses.created(mailbox.folderJson(actions.create(parentRef, Json.body(body))));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return Responses.ok(single().single(mailbox.folderJson(mailbox.requireFolder(id)), request));
    }

    @PATCH
    @Path("{id}")
    public Response update(@PathParam("id") String id, String body) {
        return Responses.ok(mailbox.folderJson(actions.update(id, Json.body(body))));
    }

    @POST
    @Path("{id}/move")
    public Response move(@PathParam("id") String id, String body) {
        return Responses.ok(mailbox.folderJson(actions.move(id, Json.body(body))));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        actions.delete(id);
        return Responses.noContent();
    }

    @Path("{id}/childFolders")
    public MailFoldersResource childFolders(@PathParam("id") String id) {
        return new MailFoldersResource(mailbox, request, id);
    }

    @Path("{id}/messages")
    public MessagesResource messages(@PathParam("id") String id) {
        return new MessagesResource(mailbox, request, id);
    }

    @Path("{id}/messageRules")
    public MessageRulesResource messageRules(@PathParam("id") String id) {
        if (!mailbox.requireFolder(id).matches("inbox")) {
            throw SandboxGraphException.invalidRequest("Message rules exist on the Inbox only.");
        }
        return new MessageRulesResource(mailbox, request);
    }

    private ODataListing single() {
        return new ODataListing("mailFolder", "users('" + mailbox.userId() + "')/mailFolders", 10, null);
    }
}
