package org.m365mcp.tools.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.m365mcp.mcp.ToolArgumentException;

class MailArgumentsTest {

    @Test
    void searchPhrase_plainWords_wrappedInQuotes() {
        assertThat(MailArguments.searchPhrase("  budget from:megan ")).isEqualTo("\"budget from:megan\"");
    }

    @Test
    void searchPhrase_innerQuotesAndBackslashes_escapedForGraphsSearchSyntax() {
        assertThat(MailArguments.searchPhrase("subject:\"Q3 budget\" a\\b"))
                .isEqualTo("\"subject:\\\"Q3 budget\\\" a\\\\b\"");
    }

    @Test
    void searchPhrase_blankTooLongControlOrAmpersand_rejectedNamingQuery() {
        assertThatThrownBy(() -> MailArguments.searchPhrase("  ")).isInstanceOf(ToolArgumentException.class)
                .hasMessage("Invalid argument 'query': must not be blank");
        assertThatThrownBy(() -> MailArguments.searchPhrase("x".repeat(MailArguments.MAX_QUERY_LENGTH + 1)))
                .hasMessageStartingWith("Invalid argument 'query': must be at most 500 characters");
        assertThatThrownBy(() -> MailArguments.searchPhrase("a\nb")).hasMessageContaining("control characters");
        assertThatThrownBy(() -> MailArguments.searchPhrase("Q&A")).hasMessageContaining("'&'");
    }

    @Test
    void id_graphIdsAccepted_pathChangingTextRejected() {
        assertThat(MailArguments.id("message_id", "AAMkAGI2-_x=+.AAA=")).isEqualTo("AAMkAGI2-_x=+.AAA=");
        for (String bad : new String[] {"..", "a/b", "a?b", "a#b", "a%2F", "a b", ""}) {
            assertThatThrownBy(() -> MailArguments.id("message_id", bad)).as(bad)
                    .isInstanceOf(ToolArgumentException.class).hasMessageStartingWith("Invalid argument 'message_id'");
        }
    }

    @Test
    void folder_dotDot_rejectedAsFolder() {
        assertThatThrownBy(() -> MailArguments.folder("..")).hasMessageStartingWith("Invalid argument 'folder'");
    }

    @Test
    void bodyFormat_textOrHtmlAnyCase_elseRejected() {
        assertThat(MailArguments.bodyFormat("HTML")).isEqualTo("html");
        assertThat(MailArguments.bodyFormat("text")).isEqualTo("text");
        assertThatThrownBy(() -> MailArguments.bodyFormat("markdown"))
                .hasMessage("Invalid argument 'body_format': must be text or html, got \"markdown\"");
    }
}
