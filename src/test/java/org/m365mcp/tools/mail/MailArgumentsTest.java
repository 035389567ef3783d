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
}
