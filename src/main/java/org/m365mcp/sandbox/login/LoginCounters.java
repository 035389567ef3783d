package org.m365mcp.sandbox.login;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the sandbox's sign-in has handed out, for tests: device codes issued and successful token
 * grants per grant type (a failed poll or refresh is not a grant).
 *
 * <ul>
 *   <li>Thread-safe: the map is complete from construction on, each count is a {@link LongAdder}.
 * </ul>
 */
public final class LoginCounters {

    private final LongAdder deviceCodes = new LongAdder();
    private final Map<GrantType, LongAdder> grants = new EnumMap<>(GrantType.class);

    LoginCounters() {
        for (GrantType type : GrantType.values()) {
            grants.put(type, new LongAdder());
        }
    }

    public long deviceCodesIssued() {
        return deviceCodes.sum();
    }

    /** Tokens issued through {@code type}. */
    public long grants(GrantType type) {
        return grants.get(type).sum();
    }

    void deviceCodeIssued() {
        deviceCodes.increment();
    }

    void granted(GrantType type) {
        grants.get(type).increment();
    }

    void reset() {
        deviceCodes.reset();
        grants.values().forEach(LongAdder::reset);
    }
}
