package org.m365mcp.sandbox.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextQueryTest {

    private static final TextQuery.Fields FIELDS =
            new TextQuery.Fields(List.of("subject", "body/content"), Map.of("from", List.of("from/emailAddress")));

    private static JsonNode message() throws Exception {
        return new ObjectMapper().readTree("""
                {"subject":"Q3 budget review","body":{"content":"Numbers attached"},
                 "from":{"emailAddress":{"name":"Megan Bowen","address":"megan.bowen@contoso.sandbox"}}}""");
    }

    @Test
    void matches_wordsPhrasesAndScopes_allMustMatch() throws Exception {
        JsonNode message = message();

        assertThat(TextQuery.parse("\"budget\"").matches(message, FIELDS)).isTrue();
        assertThat(TextQuery.parse("\"Q3 budget\" numbers").matches(message, FIELDS))
                .isTrue();
        assertThat(TextQuery.parse("from:megan AND budget").matches(message, FIELDS))
                .isTrue();
        assertThat(TextQuery.parse("from:lee budget").matches(message, FIELDS)).isFalse();
        assertThat(TextQuery.parse("budget holiday").matches(message, FIELDS)).isFalse();
        assertThat(TextQuery.parse("subject:\"budget review\"").words()).containsExactly("budget review");
    }

    @Test
    void parse_wholeQueryQuotedWithEscapedQuotes_unwrappedAsODataSearchPhrase() throws Exception {
        TextQuery query = TextQuery.parse("\"from:\\\"Megan Bowen\\\" \\\"Q3 budget\\\"\"");

        assertThat(query.terms())
                .containsExactly(new TextQuery.Term("from", "megan bowen"), new TextQuery.Term(null, "q3 budget"));
        assertThat(query.matches(message(), FIELDS)).isTrue();
        assertThat(TextQuery.parse("\"Q3 budget\" \"numbers\"").words()).containsExactly("q3 budget", "numbers");
    }
}
