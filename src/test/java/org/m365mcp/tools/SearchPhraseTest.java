package org.m365mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Search text may not break out of its phrase. */
class SearchPhraseTest {

    @Test
    void searchPhrase_plainWords_wrappedInQuotes() {
        assertThat(SearchPhrase.of("query", "  budget from:megan ")).isEqualTo("\"budget from:megan\"");
    }

    @Test
    void searchPhrase_innerQuotesAndBackslashes_escapedForGraphsSearchSyntax() {
        assertThat(SearchPhrase.of("query", "subject:\"Q3 budget\" a\\b"))
                .isEqualTo("\"subject:\\\"Q3 budget\\\" a\\\\b\"");
    }

    @Test
    void searchPhrase_blankTooLongControlOrAmpersand_rejectedNamingQuery() {
        assertThatThrownBy(() -> SearchPhrase.of("query", "  "))
                .hasMessage("Invalid argument 'query': must not be blank");
        assertThatThrownBy(() -> SearchPhrase.of("query", "x".repeat(SearchPhrase.MAX_QUERY_LENGTH + 1)))
                .hasMessageStartingWith("Invalid argument 'query': must be at most 500 characters");
        assertThatThrownBy(() -> SearchPhrase.of("query", "a\nb")).hasMessageContaining("control characters");
        assertThatThrownBy(() -> SearchPhrase.of("query", "Q&A")).hasMessageContaining("'&'");
    }
}
