package org.m365mcp.tools.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.m365mcp.mcp.ToolArgumentException;

/** What a new message must be before it reaches Graph: valid addresses, something to send. */
class OutgoingMessageTest {

    private static OutgoingMessage message(List<String> to, String subject, String body) {
        return OutgoingMessage.of(to, null, null, subject, body, "text", "normal");
    }

    @Test
    void of_namedAndBareAddresses_becomeGraphRecipients() {
        OutgoingMessage message = OutgoingMessage.of(
                List.of("Megan Bowen <megan.bowen@contoso.sandbox>", " lee@x.org "),
                List.of("\"Gu, Lee\" <lee.gu@contoso.sandbox>"),
                null,
                "Hi",
                "Body",
                "html",
                "high");

        assertThat(message.toGraph().toString())
                .isEqualTo(
                        "{\"subject\":\"Hi\",\"body\":{\"contentType\":\"html\","
                                + "\"content\":\"Body\"},\"importance\":\"high\",\"toRecipients\":[{\"emailAddress\":{\"address\":"
                                + "\"megan.bowen@contoso.sandbox\",\"name\":\"Megan Bowen\"}},{\"emailAddress\":{\"address\":\"lee@x.org\"}}],"
                                + "\"ccRecipients\":[{\"emailAddress\":{\"address\":\"lee.gu@contoso.sandbox\",\"name\":\"Gu, Lee\"}}]}");
        assertThat(message.addresses())
                .containsExactly("megan.bowen@contoso.sandbox", "lee@x.org", "lee.gu@contoso.sandbox");
    }

    @Test
    void of_malformedAddress_namesTheArgumentAndTheAddress() {
        for (String bad : List.of(
                "megan",
                "megan@",
                "@x.org",
                "a b@x.org",
                "a@x",
                "a@@x.org",
                "a..b@x.org",
                "Megan <megan>",
                "a@x.org, b@x.org",
                "")) {
            assertThatThrownBy(
                            () -> OutgoingMessage.of(null, null, List.of("ok@x.org", bad), "s", "", "text", "normal"))
                    .as(bad)
                    .isInstanceOf(ToolArgumentException.class)
                    .hasMessageStartingWith("Invalid argument 'bcc': \"" + bad + "\" is not an email address");
        }
    }

    @Test
    void of_unknownBodyTypeOrImportance_isRejected() {
        assertThatThrownBy(() -> OutgoingMessage.of(null, null, null, "s", "b", "markdown", "normal"))
                .hasMessage("Invalid argument 'body_type': must be text or html, got \"markdown\"");
        assertThatThrownBy(() -> OutgoingMessage.of(null, null, null, "s", "b", "text", "urgent"))
                .hasMessage("Invalid argument 'importance': must be low, normal or high, got \"urgent\"");
    }

    @Test
    void requireSendable_noRecipient_isRejected() {
        assertThatThrownBy(() -> message(null, "Subject", "Body").requireSendable())
                .hasMessageStartingWith("Invalid argument 'to': is empty");
    }

    @Test
    void requireSendable_emptySubjectAndBody_isRejected_eitherAloneIsEnough() {
        assertThatThrownBy(() -> message(List.of("a@x.org"), " ", "").requireSendable())
                .hasMessageStartingWith("Invalid argument 'subject': and body are both empty");
        assertThat(message(List.of("a@x.org"), "", "Body").requireSendable()).isNotNull();
        assertThat(message(List.of("a@x.org"), "Subject", "").requireSendable()).isNotNull();
    }

    @Test
    void toGraph_leavesOutEmptyCcAndBcc() {
        assertThat(message(List.of("a@x.org"), "s", "b").toGraph().has("ccRecipients"))
                .isFalse();
        assertThat(message(List.of("a@x.org"), "s", "b").toGraph().has("bccRecipients"))
                .isFalse();
    }
}
