package org.m365mcp.sandbox.login;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access and refresh tokens the sandbox issued.
 *
 * <ul>
 *   <li>Every token is fresh randomness (48 bytes), and distinct from every other one held.
 *   <li>A refresh token is good for one use: redeeming it removes it (only if it is still the same
 *       grant, so two concurrent refreshes cannot both succeed). Refresh tokens do not expire.
 *   <li>An access token is kept a day past its expiry, so that Graph can still say it expired
 *       rather than that it is unknown; older ones are forgotten when the next one is issued.
 *   <li>Thread-safe. Time comes from the caller.
 * </ul>
 */
final class IssuedTokens {

    private static final int TOKEN_BYTES = 48;
    private static final Duration KEEP_EXPIRED = Duration.ofDays(1);
    private static final int HISTORY = 1_000;

    private final RandomCodes random;
    private final Map<String, IssuedAccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final Deque<String> history = new ArrayDeque<>(); // guarded by itself

    /** What a refresh token may be redeemed for. */
    record RefreshGrant(SignedInUser user, String clientId, List<String> scopes) {}

    IssuedTokens(RandomCodes random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    TokenGrant issue(SignedInUser user, String clientId, List<String> scopes, Instant now, Duration lifetime) {
        accessTokens
                .entrySet()
                .removeIf(e -> e.getValue().expiresAt().plus(KEEP_EXPIRED).isBefore(now));
        IssuedAccessToken details = new IssuedAccessToken(user, clientId, scopes, now, now.plus(lifetime));
        String accessToken = random.secret(TOKEN_BYTES);
        while (accessTokens.putIfAbsent(accessToken, details) != null) {
            accessToken = random.secret(TOKEN_BYTES);
        }
        RefreshGrant grant = new RefreshGrant(user, clientId, scopes);
        String refreshToken = random.secret(TOKEN_BYTES);
        while (refreshTokens.putIfAbsent(refreshToken, grant) != null) {
            refreshToken = random.secret(TOKEN_BYTES);
        }
        remember(accessToken, refreshToken);
        return new TokenGrant(accessToken, refreshToken, details);
    }

    private void remember(String... secrets) {
        synchronized (history) {
            for (String secret : secrets) {
                history.addLast(secret);
            }
            while (history.size() > HISTORY) {
                history.removeFirst();
            }
        }
    }

    /** The last {@value #HISTORY} access and refresh tokens issued, oldest first, used or not. */
    List<String> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /**
     * Redeems (and so invalidates) a refresh token issued to {@code clientId}.
     *
     * @throws LoginException {@code invalid_grant} for an unknown, used or foreign refresh token
     */
    RefreshGrant redeem(String refreshToken, String clientId) {
        RefreshGrant grant = refreshTokens.get(refreshToken);
        if (grant == null) {
            throw LoginException.invalidGrant("The refresh token is unknown or has already been used.");
        } else if (!grant.clientId().equals(clientId)) {
            throw LoginException.invalidGrant("The refresh token was issued to another client.");
        } else if (!refreshTokens.remove(refreshToken, grant)) {
            throw LoginException.invalidGrant("The refresh token has already been used.");
        }
        return grant;
    }

    Optional<IssuedAccessToken> accessToken(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(accessTokens.get(token));
    }

    void clear() {
        accessTokens.clear();
        refreshTokens.clear();
    }
}
