package org.m365mcp.tools.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailDetailTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void of_graphMessage_compactAnswerWithoutEmptyLists() throws Exception {
        JsonNode message = json("""
                {"@odata.etag":"W/x","id":"AAMk1","subject":"Hi","body":{"contentType":"html","content":"<p>x</p>"},
                 "from":{"emailAddress":{"name":"Megan Bowen","address":"megan@contoso.sandbox"}},
                 "toRecipients":[{"emailAddress":{"name":"","address":"adele@contoso.sandbox"}}],
                 "ccRecipients":[],"categories":["Blue"],"flag":{"flagStatus":"notFlagged"},
                 "conversationId":"AAQk1","isRead":true}""");

        EmailDetail detail = EmailDetail.of("demo", message, List.of(), 0, 20_000);

        assertThat(detail.from()).isEqualTo("Megan Bowen <megan@contoso.sandbox>");
        assertThat(detail.to()).containsExactly("adele@contoso.sandbox");
        assertThat(detail.cc()).isNull();
        assertThat(detail.attachments()).isNull();
        assertThat(detail.flag()).isNull();
        assertThat(detail.categories()).containsExactly("Blue");
        assertThat(detail.bodyFormat()).isEqualTo("html");
        assertThat(detail.body()).isEqualTo("<p>x</p>");
        assertThat(detail.bodyTruncated()).isFalse();
        assertThat(detail.conversationId()).isEqualTo("AAQk1");
    }

    @Test
    void of_bodyLongerThanTheCap_cutAndSaysSo() throws Exception {
        String longBody = "a".repeat(20_010);
        JsonNode message = json("{\"id\":\"x\",\"body\":{\"contentType\":\"text\",\"content\":\"" + longBody + "\"}}");

        EmailDetail detail = EmailDetail.of("demo", message, List.of(), 0, 20_000);

        assertThat(detail.body()).hasSize(20_000);
        assertThat(detail.bodyTruncated()).isTrue();
        assertThat(detail.nextBodyOffset()).isEqualTo(20_000);
        assertThat(detail.bodyNote())
                .isEqualTo("characters 0-20000 of 20010 shown; 10 more: call email_get with body_offset=20000");
    }

    @Test
    void body_cutInsideASurrogatePair_neverSplitsIt() throws Exception {
        JsonNode message = json("{\"body\":{\"content\":\"ab\\uD83D\\uDE00c\"}}");

        MessageText.Body body = MessageText.body(message, 3);

        assertThat(body.text()).isEqualTo("ab");
        assertThat(body.truncated()).isTrue();
    }
}
