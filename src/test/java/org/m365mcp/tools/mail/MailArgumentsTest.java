package org.m365mcp.tools.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Ids and folder names reach a Graph path as they are, so nothing that could change the path gets through. */
class MailArgumentsTest {

    @Test
    void messageId_graphLikeId_passes() {
        assertThat(MailArguments.messageId("message_id", "AAMkAGI2T-G_93AAA=")).isEqualTo("AAMkAGI2T-G_93AAA=");
    }

    @Test
    void messageId_pathCharacters_areRejectedNamingTheArgument() {
        for (String bad : new String[] {"../inbox", "a/b", "a?b", "a b", "", null}) {
            assertThatThrownBy(() -> MailArguments.messageId("draft_id", bad))
                    .hasMessageStartingWith("Invalid argument 'draft_id': must be a message id");
        }
    }

    @Test
    void folder_pathCharacters_areRejected() {
        assertThat(MailArguments.folder("destination", "archive")).isEqualTo("archive");
        assertThatThrownBy(() -> MailArguments.folder("destination", "inbox/../x"))
                .hasMessageStartingWith("Invalid argument 'destination'");
    }

    @Test
    void flagStatus_onlyGraphsThreeValues() {
        assertThat(MailArguments.flagStatus("status", "notFlagged")).isEqualTo("notFlagged");
        assertThatThrownBy(() -> MailArguments.flagStatus("status", "done"))
                .hasMessage("Invalid argument 'status': must be flagged, complete or notFlagged, got \"done\"");
    }

    @Test
    void ids_allDotsOrPathCharacters_rejected() {
        for (String bad : new String[] {"..", ".", "a#b", "a%2F"}) {
            assertThatThrownBy(() -> MailArguments.attachmentId("attachment_id", bad))
                    .as(bad)
                    .hasMessageStartingWith("Invalid argument 'attachment_id': must be an attachment id");
            assertThatThrownBy(() -> MailArguments.folder("folder", bad))
                    .as(bad)
                    .hasMessageStartingWith("Invalid argument 'folder'");
        }
        assertThat(MailArguments.attachmentId("attachment_id", "AAMkAGI2-_x=+.AAA="))
                .isEqualTo("AAMkAGI2-_x=+.AAA=");
    }

    @Test
    void bodyFormat_textOrHtmlAnyCase_elseRejected() {
        assertThat(MailArguments.bodyFormat("body_format", "HTML")).isEqualTo("html");
        assertThat(MailArguments.bodyFormat("body_format", "text")).isEqualTo("text");
        assertThatThrownBy(() -> MailArguments.bodyFormat("body_format", "markdown"))
                .hasMessage("Invalid argument 'body_format': must be text or html, got \"markdown\"");
    }
}
