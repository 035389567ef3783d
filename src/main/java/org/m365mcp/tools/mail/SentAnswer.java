package org.m365mcp.tools.mail;

import java.util.List;

/**
 * The answer of {@code email_send}, {@code email_reply}, {@code email_reply_all} and
 * {@code email_forward}: Graph accepted the mail (202); a copy is in Sent Items. Graph does not
 * say the sent copy's id.
 *
 * @param action     {@code sent}, {@code replied}, {@code replied_all} or {@code forwarded}
 * @param messageId  the draft that was sent, or the message replied to or forwarded; null for a new message
 * @param recipients the addresses it went to, when the tool knows them (not for replies)
 */
public record SentAnswer(String accountId, String action, String messageId, String subject, List<String> recipients) {

    public SentAnswer {
        recipients = recipients == null ? null : List.copyOf(recipients);
    }
}
