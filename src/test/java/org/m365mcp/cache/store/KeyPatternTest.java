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
}
