package org.m365mcp.sandbox.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sandbox tenant's sign-in state, shared by the login endpoints ({@link SandboxLoginApplication})
 * and the Graph side ({@code SandboxTenant}): pending device codes, issued access and refresh
 * tokens, the settings and the counters.
 *
 * <ul>
 *   <li>Settings start from {@code m365.sandbox.login.*} and can be changed at run time
 *       ({@code PUT /sandbox/_admin/login}); a change applies to codes and tokens issued after it.
 *   <li>Expiry is decided by the injected clock (the tenant's), never the wall clock, so tests can
 *       hold time still or move it by hand.
 *   <li>Thread-safe. Methods are public so CDI's client proxy can always forward them.
 * </ul>
 */
@ApplicationScoped
public class SandboxLogin {

    /** The tenant's domain, which is also the first path segment of its authority. */
    public static final String TENANT = "contoso.sandbox";
    /** The tenant's id: the id token's {@code tid}, the {@code utid} of {@code client_info}. */
    public static final String TENANT_ID = "5c1b7f3e-2d4a-4e8b-9a61-0c3f5d7e9b24";

    /** Late polls still hear {@code expired_token} for this long after a device code expired. */
    private static final Duration KEEP_EXPIRED_CODES = Duration.ofHours(1);

    private static final int DEVICE_CODE_BYTES = 48;
    private static final String OFFLINE_ACCESS = "offline_access";

    private final AtomicReference<LoginSettings> settings = new AtomicReference<>(LoginSettings.DEFAULTS);
    private final LoginCounters counters = new LoginCounters();
    private final DeviceCodes deviceCodes = new DeviceCodes();
    private Clock clock;
    private RandomCodes random;
    private IssuedTokens tokens;
    private IdTokens idTokens;

    /** For CDI's client proxy only. */
    protected SandboxLogin() {}

    @Inject
    public SandboxLogin(
            Clock clock,
            @ConfigProperty(name = "m365.sandbox.login.access-token-lifetime-seconds", defaultValue = "3600")
                    long accessTokenLifetimeSeconds,
            @ConfigProperty(name = "m365.sandbox.login.device-code-lifetime-seconds", defaultValue = "900")
                    long deviceCodeLifetimeSeconds,
            @ConfigProperty(name = "m365.sandbox.login.poll-interval-seconds", defaultValue = "1")
                    long pollIntervalSeconds) {
        this(
                clock,
                LoginSettings.ofSeconds(accessTokenLifetimeSeconds, deviceCodeLifetimeSeconds, pollIntervalSeconds));
    }

    public SandboxLogin(Clock clock, LoginSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings.set(Objects.requireNonNull(settings, "settings"));
        SecureRandom secureRandom = new SecureRandom();
        random = new RandomCodes(secureRandom);
        tokens = new IssuedTokens(random);
        idTokens = new IdTokens(secureRandom);
    }

    public LoginSettings settings() {
        return settings.get();
    }

    /** Applies {@code change} atomically; answers the new settings. */
    public LoginSettings updateSettings(UnaryOperator<LoginSettings> change) {
        return settings.updateAndGet(change);
    }

    public LoginCounters counters() {
        return counters;
    }

    /** Starts a device code flow for {@code clientId}: a new device code and user code. */
    public DeviceAuthorization startDeviceFlow(String clientId, List<String> scopes) {
        Objects.requireNonNull(clientId, "clientId");
        Instant now = clock.instant();
        LoginSettings current = settings.get();
        deviceCodes.forgetExpiredBefore(now.minus(KEEP_EXPIRED_CODES));
        PendingSignIn signIn;
        do {
            signIn = PendingSignIn.pending(
                    random.secret(DEVICE_CODE_BYTES),
                    random.userCode(),
                    clientId,
                    scopes,
                    now.plus(current.deviceCodeLifetime()));
        } while (!deviceCodes.add(signIn));
        counters.deviceCodeIssued();
        return new DeviceAuthorization(
                signIn.deviceCode(), signIn.userCode(), current.deviceCodeLifetime(), current.pollInterval());
    }

    /**
     * {@code user} approves the sign-in of {@code userCode}.
     *
     * @throws UserCodeException the code is unknown, expired or already decided
     */
    public void approve(String userCode, SignedInUser user) {
        deviceCodes.decide(userCode, Objects.requireNonNull(user, "user"), clock.instant());
    }

    /**
     * The user declines the sign-in of {@code userCode}.
     *
     * @throws UserCodeException the code is unknown, expired or already decided
     */
    public void decline(String userCode) {
        deviceCodes.decide(userCode, null, clock.instant());
    }

    /**
     * Redeems an approved device code: new tokens for its user and scopes.
     *
     * @throws LoginException not (yet) approved, declined, expired, or not a grant of this client
     */
    public TokenGrant redeemDeviceCode(String deviceCode, String clientId) {
        Instant now = clock.instant();
        PendingSignIn signIn = deviceCodes.redeem(deviceCode, clientId, now);
        return issue(GrantType.DEVICE_CODE, signIn.user(), clientId, signIn.scopes(), now);
    }

    /**
     * Redeems a refresh token: a new access token and a new refresh token; the old refresh token
     * is no longer valid.
     *
     * @param scopes the scopes asked for; empty means those of the original grant
     * @throws LoginException {@code invalid_grant} for an unknown, used or foreign refresh token
     */
    public TokenGrant redeemRefreshToken(String refreshToken, String clientId, List<String> scopes) {
        Instant now = clock.instant();
        IssuedTokens.RefreshGrant grant = tokens.redeem(refreshToken, clientId);
        return issue(GrantType.REFRESH_TOKEN, grant.user(), clientId, scopes.isEmpty() ? grant.scopes() : scopes, now);
    }

    private TokenGrant issue(GrantType type, SignedInUser user, String clientId, List<String> scopes, Instant now) {
        TokenGrant grant = tokens.issue(
                user, clientId, granted(scopes), now, settings.get().accessTokenLifetime());
        counters.granted(type);
        return grant;
    }

    /**
     * The scopes a token is granted for the ones asked: each once, in one order whatever the order
     * asked (MSAL keys its cached access tokens by this list: a different order would leave an
     * expired token beside its replacement), and without {@code offline_access}, which the
     * identity platform honours (there is a refresh token) but never lists.
     */
    static List<String> granted(List<String> requested) {
        return requested.stream()
                .filter(s -> !s.equalsIgnoreCase(OFFLINE_ACCESS))
                .collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)))
                .stream()
                .toList();
    }

    /** What the sandbox issued as {@code accessToken}, expired or not; empty for any other text. */
    public Optional<IssuedAccessToken> accessToken(String accessToken) {
        return tokens.accessToken(accessToken);
    }

    /** The grant's {@code id_token}, naming {@code issuer} as {@code iss}. */
    public String idToken(TokenGrant grant, String issuer) {
        return idTokens.idToken(grant.details(), issuer);
    }

    /** The grant's {@code client_info}. */
    public String clientInfo(TokenGrant grant) {
        return IdTokens.clientInfo(grant.details().user());
    }

    /**
     * The last 1,000 access and refresh tokens issued, oldest first, used or not: for tests that look
     * for them where they must never appear (a log, a file on disk).
     */
    public List<String> issuedSecrets() {
        return tokens.history();
    }

    /** Forgets every device code and token and zeroes the counters; the settings stay. */
    public void reset() {
        deviceCodes.clear();
        tokens.clear();
        counters.reset();
    }

    /** The clock expiry is decided by. */
    public Clock clock() {
        return clock;
    }
}
