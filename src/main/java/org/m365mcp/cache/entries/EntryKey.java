package org.m365mcp.cache.entries;

import java.io.Serializable;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.m365mcp.cache.store.KeyPattern;
import org.m365mcp.config.Sha256;

/**
 * The key of one cached result (SPEC §3): its operation, its account and the call's key parameters,
 * written {@code operation:account_id:params}. The one place that formats that text, parses it and
 * builds invalidation patterns over it.
 *
 * <ul>
 *   <li>Params are sorted by name and joined as {@code k=v&k=v}; null values are left out. A params
 *       string longer than 100 characters is replaced by the first 16 hex digits of its SHA-256, so
 *       the {@code operation:account_id:} prefix — what invalidation patterns match on — always
 *       stays readable. The text is what the store keeps, byte for byte.</li>
 *   <li>The account travels as a value: whoever holds a key reads {@link #account()}, never the text.
 *       Only keys the store hands back as text are {@linkplain #parse parsed}.</li>
 *   <li>Two keys are equal when their text is (the store's identity). A class rather than a record:
 *       keys sit in the heap tier, whose sizing in megabytes cannot measure records on Java 17.</li>
 *   <li>Immutable and thread-safe.</li>
 * </ul>
 */
public final class EntryKey implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The wildcard of invalidation patterns: any run of characters. */
    public static final String ANY = "*";

    static final int MAX_PARAMS_LENGTH = 100;
    private static final char SEPARATOR = ':';

    private final String operation;
    private final String account;
    private final String text;

    private EntryKey(String operation, String account, String text) {
        this.operation = operation;
        this.account = account;
        this.text = text;
    }

    /**
     * The key of a call of {@code operation} for {@code account} with the key parameters
     * {@code params} (name in snake case → value; null values are left out).
     */
    public static EntryKey of(String operation, String account, Map<String, ?> params) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(account, "account");
        String joined = new TreeMap<>(params)
                .entrySet().stream()
                        .filter(entry -> entry.getValue() != null)
                        .map(entry -> entry.getKey() + "=" + entry.getValue())
                        .collect(Collectors.joining("&"));
        String shown = joined.length() > MAX_PARAMS_LENGTH
                ? HexFormat.of().formatHex(Sha256.of(joined)).substring(0, 16)
                : joined;
        return new EntryKey(operation, account, operation + SEPARATOR + account + SEPARATOR + shown);
    }

    /**
     * The key whose text the store handed back. The operation is exact (operation names hold no
     * {@code :}); the account is read up to the next {@code :}, so for an account that holds one
     * only the text and the operation are reliable. A text without {@code :} is all operation.
     */
    public static EntryKey parse(String text) {
        Objects.requireNonNull(text, "text");
        int first = text.indexOf(SEPARATOR);
        if (first < 0) {
            return new EntryKey(text, "", text);
        }
        int second = text.indexOf(SEPARATOR, first + 1);
        return new EntryKey(text.substring(0, first), second < 0 ? "" : text.substring(first + 1, second), text);
    }

    /**
     * An invalidation pattern over the keys of {@code operation} and {@code account}:
     * {@code operation:account:paramsPattern}, where {@code *} ({@link #ANY}) is the only wildcard.
     *
     * @param operation     an operation, or a family of them such as {@code emailfolders_*}
     * @param paramsPattern a pattern over the params text ({@code k=v&k=v}); {@link #ANY} for all
     */
    public static String pattern(String operation, String account, String paramsPattern) {
        return operation + SEPARATOR + account + SEPARATOR + paramsPattern;
    }

    /** The cached operation, e.g. {@code email_list}. */
    public String operation() {
        return operation;
    }

    /** The account id the entry belongs to, in its canonical form. */
    public String account() {
        return account;
    }

    /** {@code operation:account_id:params}, as the store keeps it. */
    public String text() {
        return text;
    }

    /**
     * The key parameters read back from the text (name in snake case → value), when the text holds
     * them: empty when they were replaced by their hash or the key was parsed without an account.
     * Values are text, as the key wrote them; a value that held {@code &} cannot be told apart, so
     * this serves keys whose values never do (folder ids, numbers, dates), not search text.
     */
    public java.util.Optional<Map<String, String>> readableParams() {
        String prefix = operation + SEPARATOR + account + SEPARATOR;
        if (account.isEmpty() || !text.startsWith(prefix)) {
            return java.util.Optional.empty();
        }
        String params = text.substring(prefix.length());
        Map<String, String> read = new TreeMap<>();
        if (params.isEmpty()) {
            return java.util.Optional.of(read);
        }
        for (String pair : params.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || read.put(pair.substring(0, equals), pair.substring(equals + 1)) != null) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(read);
    }

    /** True when {@code pattern} ({@code *} the only wildcard) matches this key's whole text. */
    public boolean matches(String pattern) {
        return KeyPattern.matches(pattern, text);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EntryKey that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
