package org.m365mcp.sandbox.mail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Responses;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.common.SandboxIds;
import org.m365mcp.sandbox.odata.ODataListing;

/**
 * A message's attachments: list and get (with {@code contentBytes}), the raw bytes at
 * {@code /$value}, and on a draft add (a {@code fileAttachment}) and delete.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class AttachmentsResource {

    private final Mailbox mailbox;
    private final GraphRequest request;
    private final String messageId;

    AttachmentsResource(Mailbox mailbox, GraphRequest request, String messageId) {
        this.mailbox = mailbox;
        this.request = request;
        this.messageId = messageId;
    }

    @GET
    public Response list() {
        return Responses.ok(listing().page(mailbox.attachments(messageId), request));
    }

    @GET
    @Path("{attachmentId}")
    public Response get(@PathParam("attachmentId") String attachmentId) {
        return Responses.ok(listing().single(find(attachmentId), request));
    }

    @GET
    @Path("{attachmentId}/$value")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("attachmentId") String attachmentId) {
        ObjectNode attachment = find(attachmentId);
        return Response.ok(
                        Base64.getDecoder()
                                .decode(attachment.path("contentBytes").asText()),
                        attachment.path("contentType").asText(MediaType.APPLICATION_OCTET_STREAM))
                .build();
    }

    @POST
    public Response add(String body) {
        ObjectNode request = Json.body(body);
        if (!"#microsoft.graph.fileAttachment"
                .equals(request.path("@odata.type").asText())) {
            throw SandboxGraphException.invalidRequest("The sandbox accepts '#microsoft.graph.fileAttachment' only.");
        }
        String name = request.path("name").asText("");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(request.path("contentBytes").asText(""));
        } catch (IllegalArgumentException e) {
            throw SandboxGraphException.invalidRequest("contentBytes must be base64.");
        }
        if (name.isBlank()) {
            throw SandboxGraphException.invalidRequest("An attachment needs a 'name'.");
        }
        synchronized (mailbox) {
            if (!mailbox.message(messageId).path("isDraft").asBoolean()) {
                throw SandboxGraphException.invalidRequest("Attachments can be added to a draft only.");
            }
            List<ObjectNode> list = new ArrayList<>(mailbox.attachments(messageId));
            ObjectNode attachment = Json.object();
            attachment.put("@odata.type", "#microsoft.graph.fileAttachment");
            attachment.put("id", SandboxIds.item("attachment", mailbox.accountId(), mailbox.newId("attachment")));
            attachment.put("lastModifiedDateTime", mailbox.now().toString());
            attachment.put("name", name);
            attachment.put("contentType", request.path("contentType").asText(MediaType.APPLICATION_OCTET_STREAM));
            attachment.put("size", bytes.length);
            attachment.put("isInline", request.path("isInline").asBoolean(false));
            attachment.putNull("contentId");
            attachment.putNull("contentLocation");
            attachment.put("contentBytes", Base64.getEncoder().encodeToString(bytes));
            list.add(attachment);
            mailbox.setAttachments(messageId, list);
            return Responses.created(attachment);
        }
    }

    @DELETE
    @Path("{attachmentId}")
    public Response delete(@PathParam("attachmentId") String attachmentId) {
        synchronized (mailbox) {
            ObjectNode attachment = find(attachmentId);
            List<ObjectNode> list = new ArrayList<>(mailbox.attachments(messageId));
            list.removeIf(a -> a.path("id").equals(attachment.path("id")));
            mailbox.setAttachments(messageId, list);
        }
        return Responses.noContent();
    }

    private ObjectNode find(String attachmentId) {
        return mailbox.attachments(messageId).stream()
                .filter(a -> a.path("id").asText().equals(attachmentId))
                .findFirst()
                .orElseThrow(SandboxGraphException::itemNotFound);
    }

    private ODataListing listing() {
        return new ODataListing(
                "attachment", "users('" + mailbox.userId() + "')/messages('" + messageId + "')/attachments", 10, null);
    }
}
