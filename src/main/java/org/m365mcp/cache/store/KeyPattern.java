package org.m365mcp.cache.store;

/**
 * Translates an invalidation pattern, in which {@code *} is the only wildcard, into a SQL
 * {@code LIKE} pattern to be used with {@code ESCAPE '\'}.
 *
 * <p>Everything but {@code *} is literal: {@code %}, {@code _} and the escape character itself
 * are escaped, so a key containing them matches only itself. Matching is case-sensitive because
 * the store's connections set {@code case_sensitive_like}.
 */
final class KeyPattern {

  /** The escape character of the translated pattern; SQL must say {@code ESCAPE '\'}. */
  static final char ESCAPE = '\\';

  private KeyPattern() {}

  static String toLike(String pattern) {
    StringBuilder like = new StringBuilder(pattern.length() + 8);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        like.append('%');
      } else {
        if (c == '%' || c == '_' || c == ESCAPE) {
          like.append(ESCAPE);
        }
        like.append(c);
      }
    }
    return like.toString();
  }
}
