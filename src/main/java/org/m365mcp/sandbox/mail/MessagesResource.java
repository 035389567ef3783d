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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.m365mcp.sandbox.common.Entities;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Responses;
import org.m365mcp.sandbox.common.TextQuery;
import org.m365mcp.sandbox.odata.ODataListing;

/**
 * Graph's message collection, {@code /me/messages} or {@code /me/mailFolders/{id}/messages}: list
 * (OData options and {@code $search}), get, create a draft, PATCH, DELETE, and the actions permanentDelete, send,
 * reply, replyAll, forward, createReply, createReplyAll, createForward, move, copy, attachments.
 *
 * <p>A JAX-RS sub-resource, built per request by the user resource; plain Java otherwise.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class MessagesResource {

    /** What {@code $search} looks at, with KQL's message properties. */
    public static final TextQuery.Fields SEARCHABLE = new TextQuery.Fields(
            List.of("subject", "body/content", "from/emailAddress", "toRecipients", "ccRecipients"),
            Map.of(
                    "from",
                    List.of("from/emailAddress"),
                    "to",
                    List.of("toRecipients"),
                    "cc",
                    List.of("ccRecipients"),
                    "participants",
                    List.of("from/emailAddress", "toRecipients", "ccRecipients"),
                    "subject",
                    List.of("subject"),
                    "body",
                    List.of("body/content"),
                    "hasattachments",
                    List.of("hasAttachments"),
                    "category",
                    List.of("categories")));

    private final Mailbox mailbox;
    private final GraphRequest request;
    private final String folderRef;
    private final MessageActions actions;

    /** {@code folderRef} is the folder of {@code /mailFolders/{id}/messages}, or {@code null} for {@code /messages}. */
    public MessagesResource(Mailbox mailbox, GraphRequest request, String folderRef) {
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
        this.request = Objects.requireNonNull(request, "request");
        this.folderRef = folderRef;
        this.actions = new MessageActions(mailbox);
    }

    @GET
    public Response list() {
        String user = "users('" + mailbox.userId() + "')";
        if (folderRef == null) {
            return Responses.ok(listing(user + "/messages").page(mailbox.allMessages(), request));
        }
        MailFolder folder = mailbox.requireFolder(folderRef);
        return Responses.ok(
                listing(user + "/mailFolders('" + folderRef + "')/messages").page(mailbox.messages(folder), request));
    }

    @POST
    public Response create(String body) {
        return Responses.created(actions.createDraft(folderRef, Json.body(body)));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return Responses.ok(single().single(mailbox.message(id), request));
    }

    @PATCH
    @Path("{id}")
    public Response update(@PathParam("id") String id, String body) {
        synchronized (mailbox) {
            Entities.requireMatch(request.header("If-Match").orElse(null), mailbox.message(id));
            return Responses.ok(actions.update(id, Json.body(body)));
        }
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        synchronized (mailbox) {
            Entities.requireMatch(request.header("If-Match").orElse(null), mailbox.message(id));
            actions.delete(id);
        }
        return Responses.noContent();
    }

    /** Graph's {@code permanentDelete}: gone for good from any folder, not via Deleted Items; 204. */
    @POST
    @Path("{id}/permanentDelete")
    public Response permanentDelete(@PathParam("id") String id) {
        actions.permanentDelete(id);
        return Responses.noContent();
    }

    @POST
    @Path("{id}/send")
    public Response send(@PathParam("id") String id) {
        actions.send(id);
        return Responses.accepted();
    }

    @POST
    @Path("{id}/{action: reply|replyAll|forward}")
    public Response respond(@PathParam("id") String id, @PathParam("action") String action, String body) {
        actions.respond(id, response(action), Json.optionalBody(body));
        return Responses.accepted();
    }

    @POST
    @Path("{id}/{action: createReply|createReplyAll|createForward}")
    public Response createResponse(@PathParam("id") String id, @PathParam("action") String action, String body) {
        String kind = action.substring("create".length());
        return Responses.created(actions.createResponse(
                id, response(Character.toLowerCase(kind.charAt(0)) + kind.substring(1)), Json.optionalBody(body)));
    }

    @POST
    @Path("{id}/move")
    public Response move(@PathParam("id") String id, String body) {
        return Responses.created(actions.move(id, Json.body(body)));
    }

    @POST
    @Path("{id}/copy")
    public Response copy(@PathParam("id") String id, String body) {
        return Responses.created(actions.copy(id, Json.body(body)));
    }

    @Path("{id}/attachments")
    public AttachmentsResource attachments(@PathParam("id") String id) {
        return new AttachmentsResource(mailbox, request, id);
    }

    private static MessageActions.Response response(String action) {
        return switch (action) {
            case "reply" -> MessageActions.Response.REPLY;
            case "replyAll" -> MessageActions.Response.REPLY_ALL;
            default -> MessageActions.Response.FORWARD;
        };
    }

    private static ODataListing listing(String context) {
        return new ODataListing("message", context, 10, SEARCHABLE);
    }

    private ODataListing single() {
        return listing("users('" + mailbox.userId() + "')/messages");
    }
}
