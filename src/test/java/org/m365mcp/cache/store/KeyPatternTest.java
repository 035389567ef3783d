package org.m365mcp.cache.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyPatternTest {

    @Test
    void toLike_star_becomesPercent() {
        assertThat(KeyPattern.toLike("email_list:acc:*")).isEqualTo("email\\_list:acc:%");
    }

    @Test
    void toLike_percentUnderscoreAndBackslash_areEscaped() {
        assertThat(KeyPattern.toLike("q=50%_off\\x")).isEqualTo("q=50\\%\\_off\\\\x");
    }

    @Test
    void toLike_noWildcard_isLiteral() {
        assertThat(KeyPattern.toLike("abc:def")).isEqualTo("abc:def");
    }

    @Test
    void toLike_onlyStars_matchesEverything() {
        assertThat(KeyPattern.toLike("**")).isEqualTo("%%");
    }

    @Test
    void matches_trailingStar_matchesThePrefixOnly() {
        assertThat(KeyPattern.matches("email_list:acc:*", "email_list:acc:folder=inbox"))
                .isTrue();
        assertThat(KeyPattern.matches("email_list:acc:*", "email_list:acc:")).isTrue();
        assertThat(KeyPattern.matches("email_list:acc:*", "email_list:acc2:folder=inbox"))
                .isFalse();
    }

    @Test
    void matches_withoutStar_isExactAndCaseSensitive() {
        assertThat(KeyPattern.matches("email_get:acc:id=A", "email_get:acc:id=A"))
                .isTrue();
        assertThat(KeyPattern.matches("email_get:acc:id=A", "email_get:acc:id=a"))
                .isFalse();
        assertThat(KeyPattern.matches("email_get:acc:id=A", "email_get:acc:id=AB"))
                .isFalse();
    }

    @Test
    void matches_middleStars_needTheLiteralsInOrderWithoutOverlap() {
        assertThat(KeyPattern.matches("a*b*c", "abc")).isTrue();
        assertThat(KeyPattern.matches("a*b*c", "abcbc")).isTrue();
        assertThat(KeyPattern.matches("a*b*c", "acb")).isFalse();
        assertThat(KeyPattern.matches("ab*ba", "aba")).isFalse();
    }

    @Test
    void matches_percentAndUnderscore_areLiteral() {
        assertThat(KeyPattern.matches("q=50%", "q=50%")).isTrue();
        assertThat(KeyPattern.matches("q=50%", "q=500")).isFalse();
        assertThat(KeyPattern.matches("a_c", "abc")).isFalse();
    }

    @Test
    void matches_onlyStar_matchesEverything() {
        assertThat(KeyPattern.matches("*", "")).isTrue();
        assertThat(KeyPattern.matches("*", "anything:at:all")).isTrue();
    }

    @Test
    void literalPrefix_isThePatternUpToItsFirstStar() {
        assertThat(KeyPattern.literalPrefix("email_list:acc:*")).isEqualTo("email_list:acc:");
        assertThat(KeyPattern.literalPrefix("email_get:acc:id=1")).isEqualTo("email_get:acc:id=1");
        assertThat(KeyPattern.literalPrefix("*:acc:*")).isEmpty();
    }
}
