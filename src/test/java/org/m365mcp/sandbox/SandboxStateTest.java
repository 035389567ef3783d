package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
    void latency_fromConfig_changeableAtRunTime_neverNegative() {
        SandboxState state = new SandboxState(300);
        assertThat(state.latency()).isEqualTo(Duration.ofMillis(300));

        state.setLatency(Duration.ZERO);
        assertThat(state.latency()).isZero();
        assertThatThrownBy(() -> state.setLatency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tenant_acceptsOnlyDemoBearer() {
        SandboxTenant tenant = new SandboxTenant();
        tenant.seed();

        assertThat(tenant.authenticate("Bearer " + SandboxTenant.DEMO_TOKEN)).isPresent();
        assertThat(tenant.authenticate("bearer " + SandboxTenant.DEMO_TOKEN)).isPresent();
        assertThat(tenant.authenticate(SandboxTenant.DEMO_TOKEN)).isEmpty();
        assertThat(tenant.authenticate("Bearer wrong")).isEmpty();
        assertThat(tenant.authenticate(null)).isEmpty();
    }

    @Test
    void tokenSource_demoGetsToken_othersAre401() {
        SandboxTokenSource tokens = new SandboxTokenSource();

        assertThat(tokens.accessToken("demo")).isEqualTo(SandboxTenant.DEMO_TOKEN);
        assertThatThrownBy(() -> tokens.accessToken("someone"))
                .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
}
