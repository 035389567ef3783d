package org.m365mcp.background;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The cache keys whose failed refresh waits in the task queue, with their accounts: while a key is
 * here, its stale hits start no other refresh. A key leaves when its task settles, or when its
 * account is removed (signing out deletes the account's tasks, so they never settle). Thread-safe.
 */
final class RetryingKeys {

    private final ConcurrentMap<String, String> accountByKey = new ConcurrentHashMap<>();

    void add(String cacheKey, String accountId) {
        accountByKey.put(cacheKey, accountId);
    }

    boolean contains(String cacheKey) {
        return accountByKey.containsKey(cacheKey);
    }

    void settled(String cacheKey) {
        accountByKey.remove(cacheKey);
    }

    void accountRemoved(String accountId) {
        accountByKey.values().removeIf(accountId::equals);
    }
}
