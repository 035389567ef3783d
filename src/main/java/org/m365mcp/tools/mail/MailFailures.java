package org.m365mcp.tools.mail;

import java.util.function.Supplier;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolException;
import org.m365mcp.tools.NotFound;

/**
 * Words the Graph failures of the mail write tools for the assistant. Other {@link GraphException}s
 * pass through to {@code GraphErrorTranslator}. Stateless.
 */
final class MailFailures {

    private MailFailures() {}

    /**
     * {@code call}'s answer; Graph's 404 becomes "no message with id …" naming {@code argument},
     * unless {@code messageId} is {@code null} (the call addresses no message).
     */
    static <T> T aboutMessage(String argument, String messageId, Supplier<T> call) {
        return NotFound.addressed(argument, NO_MESSAGE, messageId, call);
    }

    /**
     * Runs a call that sends mail. It is never repeated (the Graph client does not retry a POST after
     * a timeout or 504), so when no answer came back the mail may have gone out: the error says so
     * instead of inviting a blind retry that could send it twice.
     */
    static <T> T sending(String messageArgument, String messageId, Supplier<T> call) {
        try {
            return aboutMessage(messageArgument, messageId, call);
        } catch (GraphException e) {
            if (e.status() == 0 || e.status() == 504) {
                throw new ToolException(
                        "Graph did not confirm the send (" + e.getMessage() + "): the mail may or"
                                + " may not have been sent. Check email_list with folder sentitems before sending again.",
                        e);
            }
            throw e;
        }
    }

    private static final String NO_MESSAGE = "no message with id";

    static ToolArgumentException noMessage(String argument, String messageId) {
        return new ToolArgumentException(argument, NO_MESSAGE + " '" + messageId + "'");
    }

    /**
     * What Graph's 404 to moving {@code messageId} into {@code destination} means: no such message
     * ({@code message_id}) or no such folder ({@code destination}), told apart by asking for the folder.
     */
    static ToolArgumentException moveNotFound(
            GraphClient graph, String accountId, String messageId, String destination) {
        try {
            graph.get(accountId, "/me/mailFolders/" + destination + "?$select=id");
            return noMessage("message_id", messageId);
        } catch (GraphException e) {
            if (e.isNotFound()) {
                return new ToolArgumentException("destination", "no mail folder '" + destination + "'");
            }
            throw e;
        }
    }
}
