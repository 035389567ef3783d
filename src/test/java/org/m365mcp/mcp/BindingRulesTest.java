package org.m365mcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the server refuses to start on, rule by rule (ListenerBindingIT starts real processes). */
class BindingRulesTest {

    private static final Optional<String> LOOPBACK_LISTENER = Optional.of("127.0.0.1");

    @Test
    void refusal_loopbackHostLoopbackListenerNoGrid_none() {
        assertThat(BindingRules.refusal("127.0.0.1", false, false, LOOPBACK_LISTENER, false))
                .isEmpty();
        assertThat(BindingRules.refusal("localhost", false, false, LOOPBACK_LISTENER, false))
                .isEmpty();
        assertThat(BindingRules.refusal("::1", false, false, Optional.of("[::1]"), false))
                .isEmpty();
    }

    @Test
    void refusal_hostBeyondLoopbackWithoutToken_namesTokenAndRiskSetting() {
        Optional<String> refusal = BindingRules.refusal("0.0.0.0", false, false, Optional.of("0.0.0.0"), false);

        assertThat(refusal)
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith(BindingRules.REFUSAL)
                        .contains("M365_MCP_AUTH_TOKEN")
                        .contains("M365_MCP_ALLOW_UNAUTHENTICATED_NETWORK_ACCESS=true"));
    }

    @Test
    void refusal_hostBeyondLoopbackWithTokenOrRiskAccepted_none() {
        assertThat(BindingRules.refusal("0.0.0.0", true, false, Optional.of("0.0.0.0"), false))
                .isEmpty();
        assertThat(BindingRules.refusal("192.168.1.20", false, true, Optional.of("192.168.1.20"), false))
                .isEmpty();
    }

    @Test
    void refusal_wildcardListenerForLoopbackHost_saysEveryInterfaceAndTheBootCommands() {
        Optional<String> refusal = BindingRules.refusal("127.0.0.1", true, false, Optional.of("0.0.0.0"), false);

        assertThat(refusal)
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("binds 0.0.0.0 (every interface)")
                        .contains("m365.mcp.host is 127.0.0.1")
                        .contains("--prebootcommandfile config/pre-boot-commands.txt")
                        .contains("network-listener.http-listener.address=127.0.0.1"));
    }

    @Test
    void refusal_listenerOnAnotherAddressThanHost_refused() {
        assertThat(BindingRules.refusal("192.168.1.20", true, false, LOOPBACK_LISTENER, false))
                .isPresent();
        assertThat(BindingRules.refusal("0.0.0.0", true, false, LOOPBACK_LISTENER, false))
                .isPresent();
        assertThat(BindingRules.refusal("0.0.0.0", true, false, Optional.of("::"), false))
                .isEmpty();
    }

    @Test
    void refusal_dataGridRunning_refusedWithTheWayOut() {
        Optional<String> refusal = BindingRules.refusal("127.0.0.1", false, false, LOOPBACK_LISTENER, true);

        assertThat(refusal)
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("Hazelcast data grid")
                        .contains("--prebootcommandfile")
                        .contains("--nohazelcast"));
    }

    @Test
    void refusal_containerDoesNotTellItsListener_onlyTheTokenRuleApplies() {
        assertThat(BindingRules.refusal("127.0.0.1", false, false, Optional.empty(), false))
                .isEmpty();
        assertThat(BindingRules.refusal("10.0.0.5", false, false, Optional.empty(), false))
                .isPresent();
    }

    @Test
    void isLoopback_namesAndAddresses() {
        assertThat(BindingRules.isLoopback("127.0.0.1")).isTrue();
        assertThat(BindingRules.isLoopback("127.1.2.3")).isTrue();
        assertThat(BindingRules.isLoopback("LOCALHOST")).isTrue();
        assertThat(BindingRules.isLoopback("[::1]")).isTrue();
        assertThat(BindingRules.isLoopback("0.0.0.0")).isFalse();
        assertThat(BindingRules.isLoopback("192.168.1.20")).isFalse();
        assertThat(BindingRules.isLoopback("localhost.evil.example")).isFalse();
    }
}
