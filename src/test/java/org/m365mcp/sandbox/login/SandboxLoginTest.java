package org.m365mcp.sandbox.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.m365mcp.sandbox.SandboxServer;

/** The sign-in state as plain Java: one winner under concurrency, fresh tokens, settings' bounds. */
class SandboxLoginTest {

    private static final String CLIENT = "client";
    private static final SignedInUser ADELE = new SignedInUser(
            "demo", "0b6c2f4e-0000-0000-0000-000000000001", "Adele Vance", "adele.vance@contoso.sandbox");

    private final SandboxLogin login =
            new SandboxLogin(Clock.fixed(SandboxServer.NOW, ZoneOffset.UTC), LoginSettings.DEFAULTS);

    @Test
    void redeemDeviceCode_concurrentPolls_onlyOneGetsTokens() throws Exception {
        DeviceAuthorization started = login.startDeviceFlow(CLIENT, List.of("User.Read"));
        login.approve(started.userCode(), ADELE);

        List<Object> outcomes = race(8, () -> login.redeemDeviceCode(started.deviceCode(), CLIENT));

        assertThat(outcomes).filteredOn(TokenGrant.class::isInstance).hasSize(1);
        assertThat(outcomes)
                .filteredOn(LoginException.class::isInstance)
                .hasSize(7)
                .allSatisfy(e -> assertThat(((LoginException) e).error()).isEqualTo("invalid_grant"));
        assertThat(login.counters().grants(GrantType.DEVICE_CODE)).isEqualTo(1);
    }

    @Test
    void redeemRefreshToken_concurrentUses_onlyOneRotates() throws Exception {
        TokenGrant first = signIn();

        List<Object> outcomes = race(8, () -> login.redeemRefreshToken(first.refreshToken(), CLIENT, List.of()));

        assertThat(outcomes).filteredOn(TokenGrant.class::isInstance).hasSize(1);
        assertThat(login.counters().grants(GrantType.REFRESH_TOKEN)).isEqualTo(1);
    }

    @Test
    void issue_everyTokenIsNew() {
        Set<String> seen = new HashSet<>();
        TokenGrant grant = signIn();
        for (int i = 0; i < 200; i++) {
            assertThat(seen.add(grant.accessToken())).isTrue();
            assertThat(seen.add(grant.refreshToken())).isTrue();
            grant = login.redeemRefreshToken(grant.refreshToken(), CLIENT, List.of());
        }
    }

    @Test
    void approve_thenDecline_secondDecisionRefused_expiredCodeRefused() {
        DeviceAuthorization started = login.startDeviceFlow(CLIENT, List.of("User.Read"));
        login.decline(started.userCode());
        assertThatThrownBy(() -> login.approve(started.userCode(), ADELE))
                .isInstanceOf(UserCodeException.class)
                .hasMessageContaining("already been used");

        login.updateSettings(s -> s.withDeviceCodeLifetime(Duration.ZERO));
        DeviceAuthorization expired = login.startDeviceFlow(CLIENT, List.of("User.Read"));
        assertThatThrownBy(() -> login.approve(expired.userCode(), ADELE))
                .isInstanceOf(UserCodeException.class)
                .hasMessageContaining("has expired");
    }

    @Test
    void granted_eachScopeOnce_oneOrder_noOfflineAccess() {
        assertThat(SandboxLogin.granted(List.of("User.Read", "offline_access", "Mail.Read", "openid", "user.read")))
                .containsExactly("Mail.Read", "openid", "User.Read");
    }

    @Test
    void settings_wholeNonNegativeSeconds() {
        assertThat(LoginSettings.ofSeconds(0, 0, 0).accessTokenLifetime()).isZero();
        assertThatThrownBy(() -> LoginSettings.ofSeconds(-1, 900, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoginSettings.DEFAULTS.withPollInterval(Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private TokenGrant signIn() {
        DeviceAuthorization started = login.startDeviceFlow(CLIENT, List.of("User.Read"));
        login.approve(started.userCode(), ADELE);
        return login.redeemDeviceCode(started.deviceCode(), CLIENT);
    }

    /** Runs {@code action} on {@code threads} threads at once; each one's result or exception. */
    private static List<Object> race(int threads, Supplier<Object> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Object> task = () -> {
                    start.await();
                    try {
                        return action.get();
                    } catch (RuntimeException e) {
                        return e;
                    }
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
