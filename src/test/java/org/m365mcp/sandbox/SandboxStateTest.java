package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.m365mcp.graph.GraphException;

class SandboxStateTest {

    @Test
    void requests_countedPerPath_andReset() {
        SandboxState state = new SandboxState(0);
        state.requests().record("/v1.0/me/mailFolders/inbox/messages");
        state.requests().record("/v1.0/me/mailFolders/inbox/messages");
        state.requests().record("/v1.0/me/mailFolders/drafts/messages");

        assertThat(state.requests().total()).isEqualTo(3);
        assertThat(state.requests().snapshot()).containsEntry("/v1.0/me/mailFolders/inbox/messages", 2L);

        state.requests().reset();
        assertThat(state.requests().total()).isZero();
    }

    @Test
    void inFlight_highWaterMarkPerAccount_resetLowersItToWhatIsStillRunning() {
        RequestCounter requests = new SandboxState(0).requests();
        requests.started("demo");
        requests.started("demo");
        requests.started("demo2");
        requests.finished("demo");
        requests.started("demo");

        assertThat(requests.maxInFlight()).containsExactly(Map.entry("demo", 2), Map.entry("demo2", 1));

        requests.reset();
        assertThat(requests.maxInFlight()).containsEntry("demo", 2);
        requests.finished("demo");
        requests.finished("demo");
        requests.reset();
        assertThat(requests.maxInFlight("demo")).isZero();
        assertThat(requests.maxInFlight("nobody")).isZero();
    }

    @Test
    void requests_countedPerAuthenticatedAccount_andReset() {
        RequestCounter requests = new SandboxState(0).requests();
        requests.started("demo");
        requests.finished("demo");
        requests.started("demo");
        requests.started("demo2");

        assertThat(requests.byAccount()).containsExactly(Map.entry("demo", 2L), Map.entry("demo2", 1L));

        requests.reset();
        assertThat(requests.byAccount()).containsExactly(Map.entry("demo", 0L), Map.entry("demo2", 0L));
        requests.started("demo2");
        assertThat(requests.byAccount()).containsEntry("demo2", 1L);
    }

    @Test
    void latency_fromConfig_changeableAtRunTime_neverNegative() {
        SandboxState state = new SandboxState(300);
        assertThat(state.latency()).isEqualTo(Duration.ofMillis(300));

        state.setLatency(Duration.ZERO);
        assertThat(state.latency()).isZero();
        assertThatThrownBy(() -> state.setLatency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tenant_acceptsOnlyTheDemoAccountsBearers() {
        SandboxTenant tenant = new SandboxTenant(Clock.fixed(SandboxServer.NOW, ZoneOffset.UTC));
        tenant.seed();

        assertThat(tenant.authenticate("Bearer " + SandboxTenant.DEMO_TOKEN)
                        .orElseThrow()
                        .accountId())
                .isEqualTo("demo");
        assertThat(tenant.authenticate("Bearer " + SandboxTenant.DEMO2_TOKEN)
                        .orElseThrow()
                        .owner()
                        .address())
                .isEqualTo("megan.bowen@contoso.sandbox");
        assertThat(tenant.authenticate("bearer " + SandboxTenant.DEMO_TOKEN)).isPresent();
        assertThat(tenant.authenticate(SandboxTenant.DEMO_TOKEN)).isEmpty();
        assertThat(tenant.authenticate("Bearer wrong")).isEmpty();
        assertThat(tenant.authenticate(null)).isEmpty();
    }

    @Test
    void tokenSource_demoAccountsGetTokens_othersAre401() {
        SandboxTokenSource tokens = new SandboxTokenSource();

        assertThat(tokens.accessToken("demo")).isEqualTo(SandboxTenant.DEMO_TOKEN);
        assertThat(tokens.accessToken("demo2")).isEqualTo(SandboxTenant.DEMO2_TOKEN);
        assertThatThrownBy(() -> tokens.accessToken("someone"))
                .isInstanceOfSatisfying(
                        GraphException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
}
