package org.m365mcp.cache.store;

/**
 * The invalidation pattern language: {@code *} is the only wildcard and matches any run of
 * characters; everything else is literal and case-sensitive; the pattern matches the whole key.
 *
 * <ul>
 *   <li>{@link #toLike} translates a pattern into a SQL {@code LIKE} pattern to be used with
 *       {@code ESCAPE '\'}: {@code %}, {@code _} and the escape character itself are escaped, so a
 *       key containing them matches only itself (the store's connections set
 *       {@code case_sensitive_like}).</li>
 *   <li>{@link #matches} applies the same rules in memory, for a caching tier in front of the store.</li>
 * </ul>
 */
public final class KeyPattern {

    /** The escape character of the translated pattern; SQL must say {@code ESCAPE '\'}. */
    static final char ESCAPE = '\\';

    private KeyPattern() {}

    /** True if {@code key} matches {@code pattern} as a whole. */
    public static boolean matches(String pattern, String key) {
        String[] literals = pattern.split("\\*", -1);
        if (literals.length == 1) {
            return key.equals(pattern);
        }
        if (!key.startsWith(literals[0])) {
            return false;
        }
        int from = literals[0].length();
        for (int i = 1; i < literals.length - 1; i++) {
            int at = key.indexOf(literals[i], from);
            if (at < 0) {
                return false;
            }
            from = at + literals[i].length();
        }
        String last = literals[literals.length - 1];
        return key.length() - last.length() >= from && key.endsWith(last);
    }

    /** What every key matching {@code pattern} starts with: the pattern up to its first {@code *}. */
    static String literalPrefix(String pattern) {
        int star = pattern.indexOf('*');
        return star < 0 ? pattern : pattern.substring(0, star);
    }

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
