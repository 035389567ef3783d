package org.m365mcp.sandbox.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.m365mcp.sandbox.common.SandboxGraphException;

class ODataFilterTest {

    private static final JsonNode MESSAGE = read("""
            {"isRead":false,"importance":"high","subject":"Q3 Budget review","flag":{"flagStatus":"flagged"},
             "receivedDateTime":"2026-01-14T08:00:00Z","categories":["Red category","Blue category"],
             "start":{"dateTime":"2026-01-15T09:00:00.0000000","timeZone":"UTC"},"size":1200}""");

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(String filter) {
        return ODataFilter.parse(filter).test(MESSAGE);
    }

    @Test
    void parse_comparisonsOnBooleansTextNumbersAndNestedPaths() {
        assertThat(matches("isRead eq false")).isTrue();
        assertThat(matches("isRead eq true")).isFalse();
        assertThat(matches("importance eq 'HIGH'")).isTrue();
        assertThat(matches("flag/flagStatus ne 'notFlagged'")).isTrue();
        assertThat(matches("size gt 1000 and size le 1200")).isTrue();
        assertThat(matches("size lt 1000")).isFalse();
    }

    @Test
    void parse_dateTimesCompareAsInstants_withOrWithoutQuotes() {
        assertThat(matches("receivedDateTime ge 2026-01-14T00:00:00Z")).isTrue();
        assertThat(matches("receivedDateTime lt 2026-01-14T07:59:59Z")).isFalse();
        assertThat(matches("start/dateTime ge '2026-01-15T08:30:00' and start/dateTime lt '2026-01-15T09:00:01'"))
                .isTrue();
    }

    @Test
    void parse_functionsLambdasNotOrAndParentheses() {
        assertThat(matches("startswith(subject,'q3')")).isTrue();
        assertThat(matches("contains(subject,'budget')")).isTrue();
        assertThat(matches("categories/any(c:c eq 'Blue category')")).isTrue();
        assertThat(matches("categories/any(c:c eq 'Green category')")).isFalse();
        assertThat(matches("not (isRead eq true) and (importance eq 'low' or importance eq 'high')"))
                .isTrue();
        assertThat(matches("subject eq 'it''s'")).isFalse();
        assertThat(matches("missing eq null")).isTrue();
    }

    @Test
    void parse_syntaxErrors_are400BadRequest() {
        for (String bad : new String[] {"isRead eq", "isRead is false", "(isRead eq false", "subject eq 'open"}) {
            assertThatThrownBy(() -> ODataFilter.parse(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(SandboxGraphException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("BadRequest");
                    });
        }
    }
}
