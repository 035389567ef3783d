package org.m365mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.m365mcp.mcp.ToolArgumentException;

class BodyPartTest {

    @Test
    void of_shortBody_wholeWithoutMarker() {
        BodyPart part = BodyPart.of("hello", 0, 10, "email_get", BodyPart.BODY);

        assertThat(part.text()).isEqualTo("hello");
        assertThat(part.truncated()).isFalse();
        assertThat(part.nextOffset()).isNull();
        assertThat(part.note()).isNull();
    }

    @Test
    void of_longBody_cutWithAMarkerSayingHowMuchFollowsAndHowToReadIt() {
        BodyPart part = BodyPart.of("a".repeat(25), 0, 10, "email_get", BodyPart.BODY);

        assertThat(part.text()).hasSize(10);
        assertThat(part.truncated()).isTrue();
        assertThat(part.nextOffset()).isEqualTo(10);
        assertThat(part.note()).isEqualTo("characters 0-10 of 25 shown; 15 more: call email_get with body_offset=10");
    }

    @Test
    void of_offset_returnsTheNextPart_andTheLastPartHasNoNextOffset() {
        String body = "0123456789abcdefghijKLMNO";

        BodyPart second = BodyPart.of(body, 10, 10, "email_get", BodyPart.BODY);
        BodyPart last = BodyPart.of(body, 20, 10, "email_get", BodyPart.BODY);

        assertThat(second.text()).isEqualTo("abcdefghij");
        assertThat(second.nextOffset()).isEqualTo(20);
        assertThat(last.text()).isEqualTo("KLMNO");
        assertThat(last.truncated()).isFalse();
        assertThat(last.nextOffset()).isNull();
        assertThat(last.note()).isEqualTo("characters 20-25 of 25 shown; the end of the body");
    }

    @Test
    void of_cutInsideASurrogatePair_neverSplitsIt() {
        BodyPart part = BodyPart.of("ab\uD83D\uDE00c", 0, 3, "email_get", BodyPart.BODY);

        assertThat(part.text()).isEqualTo("ab");
        assertThat(part.nextOffset()).isEqualTo(2);
    }

    @Test
    void of_offsetPastTheEnd_isAToolErrorNamingTheArgument() {
        assertThatThrownBy(() -> BodyPart.of("short", 5, 10, "email_get", BodyPart.BODY))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessage("Invalid argument 'body_offset': is past the end of the body (5 characters)");
    }

    @Test
    void of_fileContent_markerAndErrorNameContentOffset() {
        BodyPart part = BodyPart.of("a".repeat(25), 0, 10, "file_get", BodyPart.CONTENT);

        assertThat(part.note()).isEqualTo("characters 0-10 of 25 shown; 15 more: call file_get with content_offset=10");
        assertThat(BodyPart.of("a".repeat(25), 20, 10, "file_get", BodyPart.CONTENT)
                        .note())
                .isEqualTo("characters 20-25 of 25 shown; the end of the content");
        assertThatThrownBy(() -> BodyPart.of("short", 9, 10, "file_get", BodyPart.CONTENT))
                .isInstanceOf(ToolArgumentException.class)
                .hasMessage("Invalid argument 'content_offset': is past the end of the content (5 characters)");
    }
}
