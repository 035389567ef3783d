package org.m365mcp.sandbox.mail;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Responses;

/** {@code POST /me/sendMail} {@code {"message":{…},"saveToSentItems":true}}: 202, nothing in Drafts. */
@Produces(MediaType.APPLICATION_JSON)
public final class SendMailResource {

    private final Mailbox mailbox;

    public SendMailResource(Mailbox mailbox) {
        this.mailbox = mailbox;
    }

    @POST
    public Response send(String body) {
        new MessageActions(mailbox).sendMail(Json.body(body));
        return Responses.accepted();
    }
}
