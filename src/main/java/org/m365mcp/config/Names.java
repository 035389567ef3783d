package org.m365mcp.config;

/** Naming conventions shared by the MCP edge and the cache: Java camelCase ↔ JSON snake_case. */
public final class Names {

    private Names() {
    }

    /** {@code accountId} → {@code account_id}. */
    public static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
